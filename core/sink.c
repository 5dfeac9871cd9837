/* Atomic output: write to a temporary file beside the target, rename when complete. */
#define _DEFAULT_SOURCE /* realpath */
#include "sink.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The letters of a temporary file's random suffix. */
static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
enum { SUFFIX_LEN = 6 };
/* What marks a temporary file as kgexport's: ".NAME" MARK "PID-XXXXXX". */
#define MARK ".kgexport-"
/* The most a temporary file's name adds to the target's path: ".", MARK, a pid, "-", the
   suffix and the terminating NUL. */
#define TMP_EXTRA (1 + (sizeof MARK - 1) + 20 + 1 + SUFFIX_LEN + 1)

/*
 * Create ".NAME.kgexport-PID-XXXXXX" beside the target, exclusively, with the mode a new file
 * gets (0666 less the umask: mkstemp's 0600 would need a umask() round trip to widen, which
 * changes a process-wide setting under other threads). PID is the writer's, so that a later
 * run can tell a file left by a killed writer from one being written (remove_stale below).
 * The suffix is six random letters; a name taken already is tried again with others. The
 * file descriptor, or -1 with errno set.
 */
static int create_temporary(char *tmp, size_t size, const char *path, size_t dir) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  uint64_t x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^ ((uint64_t)getpid() << 40) ^
               (uint64_t)(uintptr_t)tmp;
  for (int attempt = 0; attempt < 100; attempt++) {
    char suffix[SUFFIX_LEN + 1];
    for (int i = 0; i < SUFFIX_LEN; i++) {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL; /* an LCG step */
      suffix[i] = letters[(x >> 33) % (sizeof letters - 1)];
    }
    suffix[SUFFIX_LEN] = '\0';
    snprintf(tmp, size, "%.*s.%s" MARK "%ld-%s", (int)dir, path, path + dir, (long)getpid(),
             suffix);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST)
      return fd;
  }
  return -1; /* errno is EEXIST */
}

/*
 * The start of this run: when the library was loaded (for the command line, when the process
 * started), else the first output. A temporary file last written since then is never taken
 * for a stale one.
 */
static struct timespec run_start;
static pthread_once_t run_start_once = PTHREAD_ONCE_INIT;
static void note_run_start(void) { clock_gettime(CLOCK_REALTIME, &run_start); }
#if defined(__GNUC__)
__attribute__((constructor)) static void note_run_start_at_load(void) {
  pthread_once(&run_start_once, note_run_start);
}
#endif

/* The writer's pid if `name` is exactly a name create_temporary gives for the target `base`
   (".BASE.kgexport-PID-XXXXXX", PID in decimal without leading zeros, XXXXXX six of its
   letters); else 0. */
static pid_t temporary_pid(const char *name, const char *base, size_t blen) {
  if (name[0] != '.' || strncmp(name + 1, base, blen) != 0 ||
      strncmp(name + 1 + blen, MARK, sizeof MARK - 1) != 0)
    return 0;
  const char *p = name + 1 + blen + sizeof MARK - 1;
  if (*p < '1' || *p > '9')
    return 0;
  long pid = 0;
  for (; *p >= '0' && *p <= '9'; p++)
    if ((pid = pid * 10 + (*p - '0')) > INT_MAX)
      return 0;
  if (*p++ != '-')
    return 0;
  for (int i = 0; i < SUFFIX_LEN; i++)
    if (!p[i] || !strchr(letters, p[i]))
      return 0;
  if (p[SUFFIX_LEN] != '\0' || (long)(pid_t)pid != pid)
    return 0;
  return (pid_t)pid;
}

/*
 * Remove the temporary files that killed writers (kill -9, a crash, a power cut) left for the
 * target `path` (its folder is the first `dir` bytes), only those this can prove are such:
 * named exactly as create_temporary names them for this target, their writer's pid not a
 * live process (kill(pid, 0) fails with ESRCH), a regular file (not followed if a link) of
 * this user, last written before this run started. Anything else stays, whatever its name.
 * Best effort: a folder that cannot be read is left as it is, and the export goes on.
 * (A folder shared with machines or containers that have pids of their own can hold a file
 * whose writer lives elsewhere: the time check keeps one written since this run started.)
 */
static void remove_stale(const char *path, size_t dir) {
  char folder[PATH_MAX]; /* no allocation: a cleaning that cannot run must not fail the export */
  if (dir + 2 > sizeof folder)
    return; /* longer than any folder opendir() opens */
  memcpy(folder, dir ? path : ".", dir ? dir : 1);
  folder[dir ? dir : 1] = '\0';
  DIR *d = opendir(folder);
  if (!d)
    return;
  const char *base = path + dir;
  size_t blen = strlen(base);
  uid_t uid = geteuid();
  struct dirent *e;
  while ((e = readdir(d))) {
    pid_t pid = temporary_pid(e->d_name, base, blen);
    if (!pid || kill(pid, 0) == 0 || errno != ESRCH)
      continue; /* not ours, or its writer may still be at it (EPERM: alive, not ours) */
    struct stat st;
    if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode) ||
        st.st_uid != uid)
      continue;
    if (st.st_mtim.tv_sec > run_start.tv_sec ||
        (st.st_mtim.tv_sec == run_start.tv_sec && st.st_mtim.tv_nsec >= run_start.tv_nsec))
      continue;
    unlinkat(dirfd(d), e->d_name, 0); /* gone already (another run removed it): fine */
  }
  closedir(d);
}

/*
 * The temporary files of the exports under way, for kg_remove_partial_outputs, which a
 * signal handler calls: no lock, no allocation. A slot is claimed (1), its path copied, then
 * published (2); the handler unlinks the published ones. A path longer than a slot, or an
 * export beyond the slots, is not listed: its file is still removed on any failure, only not
 * when a signal ends the process.
 */
enum { SLOT_FREE, SLOT_CLAIMED, SLOT_PUBLISHED, NSLOTS = 64 };
static struct {
  atomic_int state;
  char path[PATH_MAX];
} slots[NSLOTS];

static int publish(const char *tmp) {
  if (strlen(tmp) >= PATH_MAX)
    return 0;
  for (int i = 0; i < NSLOTS; i++) {
    int expected = SLOT_FREE;
    if (atomic_compare_exchange_strong(&slots[i].state, &expected, SLOT_CLAIMED)) {
      strcpy(slots[i].path, tmp);
      atomic_store(&slots[i].state, SLOT_PUBLISHED);
      return i + 1;
    }
  }
  return 0;
}

static void withdraw(kgi_sink *s) {
  if (s->slot)
    atomic_store(&slots[s->slot - 1].state, SLOT_FREE);
  s->slot = 0;
}

void kg_remove_partial_outputs(void) {
  for (int i = 0; i < NSLOTS; i++)
    if (atomic_load(&slots[i].state) == SLOT_PUBLISHED)
      unlink(slots[i].path); /* async-signal-safe; a file renamed into place already is
                                not there any more under this name */
}

static kg_status open_atomic(kgi_sink *s, const char *path, kg_error *err);

/*
 * A target that is not a file (a device such as /dev/null, /dev/stdout on a terminal or a
 * pipe, a named pipe) is written as it is: a temporary file renamed over it would replace the
 * device, or /dev/stdout's link, with a file. Nothing is left to remove on failure there.
 */
static kg_status open_direct(kgi_sink *s, const char *path, kg_error *err) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0)
    return kgi_error_set(err, KG_EIO, "%s: cannot open: %s", path, strerror(errno));
  s->fp = fdopen(fd, "wb");
  s->final_path = kgi_strdup(path);
  if (!s->fp || !s->final_path) {
    if (s->fp)
      fclose(s->fp);
    else
      close(fd);
    free(s->final_path);
    memset(s, 0, sizeof *s);
    return kgi_error_oom(err);
  }
  s->direct = true;
  return KG_OK;
}

kg_status kgi_sink_open(kgi_sink *s, const char *path, kg_error *err) {
  memset(s, 0, sizeof *s);
  struct stat st;
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
    return open_direct(s, path, err);
  /* a link to a file: the file it names is replaced, and the link stays a link */
  char *resolved = NULL;
  if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && (resolved = realpath(path, NULL)))
    path = resolved;
  kg_status rc = open_atomic(s, path, err);
  free(resolved);
  return rc;
}

static kg_status open_atomic(kgi_sink *s, const char *path, kg_error *err) {
  size_t n = strlen(path);
  s->final_path = kgi_malloc(n + 1);
  pthread_once(&run_start_once, note_run_start);
  s->tmp_path = kgi_malloc(n + TMP_EXTRA);
  if (!s->final_path || !s->tmp_path) {
    kgi_sink_abort(s);
    return kgi_error_oom(err);
  }
  memcpy(s->final_path, path, n + 1);
  /* same folder as the target, so that rename() is atomic; hidden, so no tool picks it up */
  const char *slash = strrchr(path, '/');
  size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
  /* a signal between the file's creation and its listing would leave the file behind:
     the signals a handler would remove it for wait until it is listed */
  sigset_t stop, old;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &stop, &old);
  int fd = create_temporary(s->tmp_path, n + TMP_EXTRA, path, dir);
  int saved = errno;
  if (fd >= 0)
    s->slot = publish(s->tmp_path);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  if (fd < 0) {
    kgi_error_set(err, KG_EIO, "%s: cannot create file: %s", path, strerror(saved));
    kgi_sink_abort(s);
    return KG_EIO;
  }
  s->fp = fdopen(fd, "wb");
  if (!s->fp) {
    close(fd);
    kgi_error_set(err, KG_EIO, "%s: %s", path, strerror(errno));
    kgi_sink_abort(s);
    return KG_EIO;
  }
  remove_stale(path, dir);
  return KG_OK;
}

kg_status kgi_sink_commit(kgi_sink *s, kg_error *err) {
  if (!s->fp)
    return kgi_error_set(err, KG_EIO, "%s: not open", s->final_path ? s->final_path : "?");
  int bad = fflush(s->fp) != 0 || ferror(s->fp);
  int saved = errno;
  if (fclose(s->fp) != 0 && !bad) {
    bad = 1;
    saved = errno;
  }
  s->fp = NULL;
  if (bad) {
    kgi_error_set(err, KG_EIO, "%s: write failed: %s", s->final_path, strerror(saved));
    kgi_sink_abort(s);
    return KG_EIO;
  }
  if (s->direct) {
    free(s->final_path);
    memset(s, 0, sizeof *s);
    return KG_OK;
  }
  if (rename(s->tmp_path, s->final_path) != 0) {
    kgi_error_set(err, KG_EIO, "%s: cannot rename into place: %s", s->final_path, strerror(errno));
    kgi_sink_abort(s);
    return KG_EIO;
  }
  withdraw(s);
  free(s->tmp_path);
  free(s->final_path);
  memset(s, 0, sizeof *s);
  return KG_OK;
}

void kgi_sink_abort(kgi_sink *s) {
  if (s->fp)
    fclose(s->fp);
  if (s->tmp_path)
    unlink(s->tmp_path);
  withdraw(s);
  free(s->tmp_path);
  free(s->final_path);
  memset(s, 0, sizeof *s);
}
