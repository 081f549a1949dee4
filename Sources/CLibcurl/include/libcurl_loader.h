#ifndef RESPOND_LIBCURL_LOADER_H
#define RESPOND_LIBCURL_LOADER_H

#include <stddef.h>

/// The functions of a libcurl loaded at run time. Opaque: only this target calls them.
typedef struct respond_libcurl respond_libcurl;

/// How a GET ended. `status` is the HTTP status when an answer came (0 otherwise); `curl_code` is libcurl's CURLcode
/// (0 for success); `body`/`body_size` hold the answer's body, at most the limit asked for, to be released with
/// respond_http_answer_free; `message` says what libcurl found wrong when `curl_code` is not 0.
typedef struct respond_http_answer {
    long status;
    int curl_code;
    int timed_out;
    int too_large;
    unsigned char *body;
    size_t body_size;
    char message[256];
} respond_http_answer;

/// Loads the shared library `name` (Debian's libcurl4 installs `libcurl.so.4`) with dlopen, finds the easy-interface
/// functions in it and initialises it (curl_global_init). Returns NULL when the library or one of its functions is
/// missing, with dlerror's words in `error`. The caller loads each library once and keeps the answer for the life of
/// the process: curl_global_init is not safe to call while another thread uses libcurl.
respond_libcurl *respond_libcurl_open(const char *name, char *error, size_t error_size);

/// GETs `url` with the loaded libcurl: http and https only, redirects followed only to http and https, an
/// `Accept: application/json` header, `timeout_ms` for the whole exchange and a body cut off past `limit` bytes
/// (`too_large` set). Safe to call from several threads at once: each call has its own easy handle. Returns 0, or -1
/// when memory ran out (nothing is left to free then).
int respond_http_get(const respond_libcurl *curl, const char *url, long timeout_ms, size_t limit,
                     respond_http_answer *answer);

/// Releases an answer's body.
void respond_http_answer_free(respond_http_answer *answer);

#endif
