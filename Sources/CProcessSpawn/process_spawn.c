#define _GNU_SOURCE
#include "process_spawn.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int respond_spawn_setsid_flag(void) {
    return POSIX_SPAWN_SETSID;
}

int respond_spawn_addchdir(posix_spawn_file_actions_t *actions, const char *path) {
    return posix_spawn_file_actions_addchdir_np(actions, path);
}

int respond_spawnattr_reset_signals(posix_spawnattr_t *attributes, short flags) {
    sigset_t none;
    sigset_t all;
    sigemptyset(&none);
    sigfillset(&all);
    int status = posix_spawnattr_setsigmask(attributes, &none);
    if (status == 0) {
        status = posix_spawnattr_setsigdefault(attributes, &all);
    }
    if (status == 0) {
        status = posix_spawnattr_setflags(attributes, flags | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    }
    return status;
}

int respond_pipe_cloexec(int ends[2], int flags) {
    return pipe2(ends, O_CLOEXEC | flags);
}

int respond_temporary_file_cloexec(char *path_template) {
    return mkostemp(path_template, O_CLOEXEC);
}

void *respond_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length);
}
