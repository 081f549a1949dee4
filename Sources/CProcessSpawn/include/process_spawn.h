#ifndef RESPOND_PROCESS_SPAWN_H
#define RESPOND_PROCESS_SPAWN_H

#include <spawn.h>
#include <stddef.h>

/// glibc's POSIX_SPAWN_SETSID: the child starts a new session. The header hides it behind _GNU_SOURCE, which
/// Swift's Glibc module does not define.
int respond_spawn_setsid_flag(void);

/// glibc's posix_spawn_file_actions_addchdir_np: the child changes directory before it executes, so no thread
/// of the parent ever changes its own.
int respond_spawn_addchdir(posix_spawn_file_actions_t *actions, const char *path);

/// Makes the child start with every signal at its default action and none blocked, whatever the parent ignores
/// or masks, and sets the further POSIX_SPAWN_* `flags` (posix_spawnattr_setflags replaces all the flags at once, so
/// they are set here together). Returns 0, or the error number of the call that failed.
int respond_spawnattr_reset_signals(posix_spawnattr_t *attributes, short flags);

/// pipe2 with O_CLOEXEC plus `flags`, atomically, so no child spawned meanwhile by another thread inherits an end.
int respond_pipe_cloexec(int ends[2], int flags);

/// mkostemp with O_CLOEXEC: creates and opens a new file from `path_template` (ending in XXXXXX, replaced in place)
/// atomically close-on-exec, for the same reason as respond_pipe_cloexec. Returns the descriptor, or -1 and errno.
int respond_temporary_file_cloexec(char *path_template);
/// glibc's memmem: the first place `needle` occurs in `haystack`, or NULL. The header hides it behind _GNU_SOURCE.
void *respond_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
