/* The lock over the libraries' process-wide state (see base.h). */
#include "base.h"

#include <pthread.h>

static pthread_rwlock_t libs = PTHREAD_RWLOCK_INITIALIZER;

void kgi_libs_exclusive(void) { pthread_rwlock_wrlock(&libs); }
void kgi_libs_shared(void) { pthread_rwlock_rdlock(&libs); }
void kgi_libs_release(void) { pthread_rwlock_unlock(&libs); }
