// libcurl's header gives the types and constants; its functions are looked up with dlsym, so that the binary does not
// need libcurl (and the thirty libraries it needs) unless an Alertmanager is asked for.
#include "libcurl_loader.h"

#include <curl/curl.h>
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

struct respond_libcurl {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *handle, CURLoption option, ...);
    CURLcode (*easy_perform)(CURL *handle);
    CURLcode (*easy_getinfo)(CURL *handle, CURLINFO info, ...);
    void (*easy_cleanup)(CURL *handle);
    const char *(*easy_strerror)(CURLcode code);
    struct curl_slist *(*slist_append)(struct curl_slist *list, const char *text);
    void (*slist_free_all)(struct curl_slist *list);
};

static void copy_message(char *to, size_t size, const char *text) {
    if (size == 0) {
        return;
    }
    strncpy(to, text ? text : "", size - 1);
    to[size - 1] = '\0';
}

respond_libcurl *respond_libcurl_open(const char *name, char *error, size_t error_size) {
    // RTLD_LOCAL keeps libcurl's symbols to this lookup, so nothing else in the process binds to them by accident.
    void *library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        copy_message(error, error_size, dlerror());
        return NULL;
    }
    respond_libcurl *curl = calloc(1, sizeof *curl);
    if (curl == NULL) {
        copy_message(error, error_size, "out of memory");
        dlclose(library);
        return NULL;
    }
    struct {
        const char *symbol;
        void **slot;
    } functions[] = {
        {"curl_global_init", (void **)&curl->global_init},
        {"curl_easy_init", (void **)&curl->easy_init},
        {"curl_easy_setopt", (void **)&curl->easy_setopt},
        {"curl_easy_perform", (void **)&curl->easy_perform},
        {"curl_easy_getinfo", (void **)&curl->easy_getinfo},
        {"curl_easy_cleanup", (void **)&curl->easy_cleanup},
        {"curl_easy_strerror", (void **)&curl->easy_strerror},
        {"curl_slist_append", (void **)&curl->slist_append},
        {"curl_slist_free_all", (void **)&curl->slist_free_all},
    };
    for (size_t index = 0; index < sizeof functions / sizeof functions[0]; index++) {
        *functions[index].slot = dlsym(library, functions[index].symbol);
        if (*functions[index].slot == NULL) {
            copy_message(error, error_size, dlerror());
            free(curl);
            dlclose(library);
            return NULL;
        }
    }
    CURLcode initialised = curl->global_init(CURL_GLOBAL_DEFAULT);
    if (initialised != CURLE_OK) {
        copy_message(error, error_size, curl->easy_strerror(initialised));
        free(curl);
        dlclose(library);
        return NULL;
    }
    return curl;
}

/// The body collected so far and its limit; the write callback's state.
struct body {
    unsigned char *bytes;
    size_t size;
    size_t capacity;
    size_t limit;
    int too_large;
};

static size_t collect(char *data, size_t one, size_t count, void *context) {
    struct body *body = context;
    size_t size = one * count;
    if (size > body->limit - body->size) {
        body->too_large = 1;
        return 0;  // Fewer bytes than given: libcurl stops the transfer with CURLE_WRITE_ERROR.
    }
    if (body->size + size > body->capacity) {
        size_t capacity = body->capacity ? body->capacity : 16384;
        while (capacity < body->size + size) {
            capacity *= 2;
        }
        if (capacity > body->limit) {
            capacity = body->limit;
        }
        unsigned char *grown = realloc(body->bytes, capacity);
        if (grown == NULL) {
            return 0;
        }
        body->bytes = grown;
        body->capacity = capacity;
    }
    memcpy(body->bytes + body->size, data, size);
    body->size += size;
    return size;
}

int respond_http_get(const respond_libcurl *curl, const char *url, long timeout_ms, size_t limit,
                     respond_http_answer *answer) {
    memset(answer, 0, sizeof *answer);
    CURL *handle = curl->easy_init();
    if (handle == NULL) {
        return -1;
    }
    struct curl_slist *headers = curl->slist_append(NULL, "Accept: application/json");
    if (headers == NULL) {
        curl->easy_cleanup(handle);
        return -1;
    }
    struct body body = {.limit = limit};
    char error[CURL_ERROR_SIZE] = "";
    curl->easy_setopt(handle, CURLOPT_URL, url);
    // A libcurl older than 7.85 refuses these options; then nothing is sent rather than a redirect followed anywhere.
    CURLcode code = curl->easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
    if (code == CURLE_OK) {
        code = curl->easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    }
    curl->easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 1L);
    curl->easy_setopt(handle, CURLOPT_MAXREDIRS, 10L);
    curl->easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
    curl->easy_setopt(handle, CURLOPT_USERAGENT, "respond");
    // Signals would interrupt whichever thread of the process gets them; the timeout works without them.
    curl->easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl->easy_setopt(handle, CURLOPT_TIMEOUT_MS, timeout_ms);
    // CURLOPT_ACCEPT_ENCODING is left unset: no compressed answer is asked for or inflated, so the limit counts the
    // bytes as they arrive and a compressed bomb stays the size it was sent at.
    curl->easy_setopt(handle, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)limit);
    curl->easy_setopt(handle, CURLOPT_WRITEFUNCTION, collect);
    curl->easy_setopt(handle, CURLOPT_WRITEDATA, &body);
    curl->easy_setopt(handle, CURLOPT_ERRORBUFFER, error);
    if (code == CURLE_OK) {
        code = curl->easy_perform(handle);
    }
    curl->easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &answer->status);
    curl->easy_cleanup(handle);
    curl->slist_free_all(headers);

    answer->curl_code = code;
    answer->timed_out = code == CURLE_OPERATION_TIMEDOUT;
    answer->too_large = body.too_large || code == CURLE_FILESIZE_EXCEEDED;
    if (code == CURLE_WRITE_ERROR && !body.too_large) {
        free(body.bytes);
        return -1;
    }
    copy_message(answer->message, sizeof answer->message, error[0] ? error : curl->easy_strerror(code));
    answer->body = body.bytes;
    answer->body_size = body.size;
    return 0;
}

void respond_http_answer_free(respond_http_answer *answer) {
    free(answer->body);
    answer->body = NULL;
    answer->body_size = 0;
}
