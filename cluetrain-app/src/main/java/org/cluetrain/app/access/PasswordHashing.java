package org.cluetrain.app.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}),
 * with the parameters OWASP recommends as a minimum (19 MiB, 2 passes, 1 lane). The parameters
 * travel inside each hash, so raising them later does not lock anybody out.
 */
public final class PasswordHashing {
  static final int MEMORY_KIB = 19_456;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Pattern PHC =
      Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([^$]+)\\$([^$]+)");
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHashing() {}

  public static String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s"
        .formatted(
            MEMORY_KIB,
            ITERATIONS,
            PARALLELISM,
            b64.encodeToString(salt),
            b64.encodeToString(hash));
  }

  /** Whether the password matches the hash; compares in constant time. */
  public static boolean verify(String password, String encoded) {
    Matcher m = PHC.matcher(encoded == null ? "" : encoded);
    if (!m.matches()) {
      return false;
    }
    Base64.Decoder b64 = Base64.getDecoder();
    byte[] salt = b64.decode(m.group(4));
    byte[] expected = b64.decode(m.group(5));
    byte[] actual =
        argon2(
            password,
            salt,
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)),
            expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] argon2(
      String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKib)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
