/* The lock over the libraries' process-wide state (see base.h). */
#include "base.h"

#include <pthread.h>

static pthread_rwlock_t libs = PTHREAD_RWLOCK_INITIALIZER;
/* The state shared users need is set up: false after a world was freed (written under the
 * exclusive lock, read under either). */
static bool ready;

void kgi_libs_exclusive(void) { pthread_rwlock_wrlock(&libs); }

void kgi_libs_torn_down(void) { ready = false; }

void kgi_libs_shared(void (*setup)(void)) {
  for (;;) {
    pthread_rwlock_rdlock(&libs);
    if (ready)
      return;
    pthread_rwlock_unlock(&libs);
    /* set it up alone, then try again to share it */
    pthread_rwlock_wrlock(&libs);
    if (!ready) {
      setup();
      ready = true;
    }
    pthread_rwlock_unlock(&libs);
  }
}

void kgi_libs_release(void) { pthread_rwlock_unlock(&libs); }
