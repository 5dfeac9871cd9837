/* The core's helpers: the growable buffer, calendar days, display columns, the reserve of
 * blocks made ahead. */
#include "check.h"
#include "text.h"

#include <stdlib.h>

static void test_buf(void) {
  kgi_buf b;
  kgi_buf_init(&b);
  CHECK_STR(kgi_buf_str(&b), "");
  kgi_buf_puts(&b, "holds ");
  kgi_buf_printf(&b, "%s %d", "office", 2025);
  CHECK_STR(kgi_buf_str(&b), "holds office 2025");
  CHECK(b.len == 17);
  /* growth past the first allocation keeps what was written */
  for (int i = 0; i < 1000; i++)
    kgi_buf_put(&b, "0123456789", 10);
  CHECK(b.len == 17 + 10000 && !b.oom);
  CHECK(memcmp(b.s + 17 + 9990, "0123456789", 10) == 0 && b.s[b.len] == '\0');
  kgi_buf_clear(&b);
  CHECK_STR(kgi_buf_str(&b), "");
  kgi_buf_dispose(&b);
  CHECK(b.s == NULL && b.len == 0);
}

static void test_days(void) {
  CHECK(kgi_days_in_month(2024, 2) == 29);
  CHECK(kgi_days_in_month(2025, 2) == 28);
  CHECK(kgi_days_in_month(1900, 2) == 28);
  CHECK(kgi_days_in_month(2000, 2) == 29);
  CHECK(kgi_days_in_month(2026, 4) == 30);
  CHECK(kgi_days_in_month(2026, 13) == 0);
}

static void test_columns(void) {
  CHECK(kgi_char_columns('a') == 1);
  CHECK(kgi_char_columns(0x4E60) == 2); /* 习 */
  CHECK(kgi_char_columns(0xAC00) == 2); /* 가 */
  CHECK(kgi_char_columns(0x00E9) == 1); /* é */
}

/* Idle until a block is taken; then filled to its limit, each block zeroed; emptied and idle
 * again once released. */
static bool zeroed(const unsigned char *b) {
  for (size_t i = 0; i < KGI_RESERVE_BLOCK; i += 4093)
    if (b[i])
      return false;
  return b[KGI_RESERVE_BLOCK - 1] == 0;
}

static void test_reserve(void) {
  kgi_reserve r;
  kgi_reserve_init(&r);
  kgi_reserve_fill(&r);
  CHECK(r.nready == 0); /* nothing asked for yet: a small graph makes no blocks */
  unsigned char *own = kgi_reserve_block(&r, KGI_RESERVE_BLOCK, true);
  CHECK(own && zeroed(own));
  kgi_reserve_fill(&r);
  CHECK(r.nready == KGI_RESERVE_MAX);
  void *ready = r.ready[r.nready - 1];
  unsigned char *taken =
      kgi_reserve_block(&r, KGI_RESERVE_BLOCK, false); /* a ready one: zeroed all the same */
  CHECK(taken == ready && zeroed(taken) && r.nready == KGI_RESERVE_MAX - 1);
  kgi_reserve_release(&r);
  CHECK(r.nready == 0);
  kgi_reserve_fill(&r);
  CHECK(r.nready == 0);
  unsigned char *none =
      kgi_reserve_block(NULL, KGI_RESERVE_BLOCK, true); /* no reserve: allocated now */
  CHECK(none && zeroed(none));
  free(own);
  free(taken);
  free(none);
  kgi_reserve_dispose(&r);
}

int main(void) {
  test_buf();
  test_reserve();
  test_days();
  test_columns();
  return CHECK_RESULT();
}
