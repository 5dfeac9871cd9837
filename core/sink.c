/* Atomic output: write to a temporary file beside the target, rename when complete. */
#include "sink.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

kg_status kgi_sink_open(kgi_sink *s, const char *path, kg_error *err) {
  memset(s, 0, sizeof *s);
  size_t n = strlen(path);
  s->final_path = kgi_malloc(n + 1);
  s->tmp_path = kgi_malloc(n + 16);
  if (!s->final_path || !s->tmp_path) {
    kgi_sink_abort(s);
    return kgi_error_oom(err);
  }
  memcpy(s->final_path, path, n + 1);
  /* same folder as the target, so that rename() is atomic; hidden, so no tool picks it up */
  const char *slash = strrchr(path, '/');
  size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
  snprintf(s->tmp_path, n + 16, "%.*s.%s.XXXXXX", (int)dir, path, path + dir);
  int fd = mkstemp(s->tmp_path);
  if (fd < 0) {
    kgi_error_set(err, KG_EIO, "%s: cannot create file: %s", path, strerror(errno));
    kgi_sink_abort(s);
    return KG_EIO;
  }
  /* mkstemp makes the file 0600; give it the usual mode for a new file */
  mode_t mask = umask(0);
  umask(mask);
  (void)fchmod(fd, 0666 & ~mask);
  s->fp = fdopen(fd, "wb");
  if (!s->fp) {
    close(fd);
    kgi_error_set(err, KG_EIO, "%s: %s", path, strerror(errno));
    kgi_sink_abort(s);
    return KG_EIO;
  }
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
  if (rename(s->tmp_path, s->final_path) != 0) {
    kgi_error_set(err, KG_EIO, "%s: cannot rename into place: %s", s->final_path, strerror(errno));
    kgi_sink_abort(s);
    return KG_EIO;
  }
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
  free(s->tmp_path);
  free(s->final_path);
  memset(s, 0, sizeof *s);
}
