package com.datamingle.adapter.persistence;

import com.datamingle.application.port.out.IdGenerator;
import com.datamingle.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits with a counter in the
 * 12-bit {@code rand_a} field, so ids made in the same millisecond still sort in order. Their text
 * form sorts like their bytes, which keeps keyset pages stable on both databases.
 */
final class UuidV7Generator implements IdGenerator {
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private long lastMillis = -1;
  private int counter;

  UuidV7Generator(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized UserId newUserId() {
    long millis = clock.millis();
    if (millis > lastMillis) {
      lastMillis = millis;
      counter = random.nextInt(1 << 11); // leave room to count up within the millisecond
    } else {
      counter++;
      if (counter >= 1 << 12) { // 4096 ids in one millisecond: borrow the next one
        lastMillis++;
        counter = 0;
      }
    }
    long high = (lastMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | counter;
    long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
    return new UserId(new UUID(high, low));
  }
}
