#ifndef RESPOND_DISPLAY_WIDTH_H
#define RESPOND_DISPLAY_WIDTH_H

#include <stdint.h>

/// The number of terminal columns glibc's wcwidth gives `codepoint` in a UTF-8 locale (-1 for non-printable),
/// whatever the calling process's own locale is, so layout and tests agree with what ncursesw draws.
int respond_wcwidth(uint32_t codepoint);

#endif
