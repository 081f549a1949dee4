#define _GNU_SOURCE
#include "display_width.h"

#include <locale.h>
#include <pthread.h>
#include <wchar.h>

static locale_t utf8_locale = (locale_t)0;
static pthread_once_t utf8_once = PTHREAD_ONCE_INIT;

static void open_utf8_locale(void) {
    utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

int respond_wcwidth(uint32_t codepoint) {
    pthread_once(&utf8_once, open_utf8_locale);
    if (utf8_locale == (locale_t)0) {
        // No UTF-8 locale on this system: the caller's locale is the best glibc can do.
        return wcwidth((wchar_t)codepoint);
    }
    // uselocale is per thread, so this never disturbs another thread's locale.
    locale_t previous = uselocale(utf8_locale);
    int width = wcwidth((wchar_t)codepoint);
    uselocale(previous);
    return width;
}
