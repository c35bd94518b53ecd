package org.cluetrain.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

/**
 * HMAC-SHA256 (RFC 2104) under the installation's secret: what the suppression list keeps instead
 * of a handle, and what author pseudonyms are made of. Without the secret, a hash cannot be checked
 * against a guessed handle, so a copy of the database alone reveals nobody.
 *
 * <p>Written over {@link MessageDigest} rather than {@code javax.crypto.Mac} because the core
 * depends on {@code java.*} alone; {@code KeyedHashTest} checks it against RFC 4231's vectors.
 */
public final class KeyedHash {
  /** The secret's file in the data directory, readable by its owner only. */
  public static final String SECRET_FILE = "privacy.key";

  private static final int BLOCK = 64;
  private static final int SECRET_BYTES = 32;

  private final byte[] innerPad = new byte[BLOCK];
  private final byte[] outerPad = new byte[BLOCK];

  public KeyedHash(byte[] secret) {
    if (secret.length == 0) {
      throw new IllegalArgumentException("the secret of a keyed hash must not be empty");
    }
    byte[] key = secret.length > BLOCK ? sha256().digest(secret) : secret;
    byte[] block = Arrays.copyOf(key, BLOCK);
    for (int i = 0; i < BLOCK; i++) {
      innerPad[i] = (byte) (block[i] ^ 0x36);
      outerPad[i] = (byte) (block[i] ^ 0x5c);
    }
  }

  /**
   * The installation's keyed hash: its secret read from {@link #SECRET_FILE} in the data directory,
   * or made (32 random bytes, file mode 0600) when there is none yet.
   */
  public static KeyedHash ofInstallation(Path dataDir) throws IOException {
    Path file = dataDir.resolve(SECRET_FILE);
    if (!Files.exists(file)) {
      Files.createDirectories(dataDir);
      byte[] secret = new byte[SECRET_BYTES];
      new SecureRandom().nextBytes(secret);
      try {
        createOwnerOnly(file);
        Files.writeString(
            file, HexFormat.of().formatHex(secret) + "\n", StandardOpenOption.TRUNCATE_EXISTING);
      } catch (FileAlreadyExistsException another) {
        // another process made it first: use theirs, or the two would hash differently
      }
    }
    String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    try {
      byte[] secret = HexFormat.of().parseHex(text);
      if (secret.length < 16) {
        throw new IOException(file + ": the privacy secret is shorter than 16 bytes");
      }
      return new KeyedHash(secret);
    } catch (IllegalArgumentException notHex) {
      throw new IOException(file + ": the privacy secret is not hexadecimal", notHex);
    }
  }

  private static void createOwnerOnly(Path file) throws IOException {
    Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file); // Windows: the data directory's own access rules apply
    }
  }

  /** HMAC-SHA256 of the text (UTF-8), in lower-case hexadecimal. */
  public String hash(String text) {
    MessageDigest inner = sha256();
    inner.update(innerPad);
    inner.update(text.getBytes(StandardCharsets.UTF_8));
    MessageDigest outer = sha256();
    outer.update(outerPad);
    outer.update(inner.digest());
    return HexFormat.of().formatHex(outer.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
