#define _GNU_SOURCE
#include "process_spawn.h"

#include <fcntl.h>
#include <unistd.h>

int respond_spawn_setsid_flag(void) {
    return POSIX_SPAWN_SETSID;
}

int respond_spawn_addchdir(posix_spawn_file_actions_t *actions, const char *path) {
    return posix_spawn_file_actions_addchdir_np(actions, path);
}

int respond_pipe_cloexec(int ends[2], int flags) {
    return pipe2(ends, O_CLOEXEC | flags);
}
