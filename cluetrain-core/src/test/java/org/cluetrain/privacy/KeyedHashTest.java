package org.cluetrain.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyedHashTest {
  @TempDir Path dir;

  /** RFC 4231, test cases 1, 2 and 6 (a key longer than the block). */
  @Test
  void isHmacSha256() {
    assertThat(new KeyedHash(bytes(20, 0x0b)).hash("Hi There"))
        .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    assertThat(
            new KeyedHash("Jefe".getBytes(StandardCharsets.US_ASCII))
                .hash("what do ya want for nothing?"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    assertThat(
            new KeyedHash(bytes(131, 0xaa))
                .hash("Test Using Larger Than Block-Size Key - Hash Key First"))
        .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  }

  @Test
  void theInstallationSecretIsMadeOnceAndReadableByItsOwnerOnly() throws IOException {
    KeyedHash first = KeyedHash.ofInstallation(dir);
    Path file = dir.resolve(KeyedHash.SECRET_FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(KeyedHash.ofInstallation(dir).hash("x:42")).isEqualTo(first.hash("x:42"));
    assertThat(HexFormat.of().parseHex(Files.readString(file).strip())).hasSize(32);

    Path other = dir.resolve("other");
    assertThat(KeyedHash.ofInstallation(other).hash("x:42")).isNotEqualTo(first.hash("x:42"));
  }

  @Test
  void aDamagedSecretIsRefusedNamingTheFile() throws IOException {
    Files.writeString(dir.resolve(KeyedHash.SECRET_FILE), "not hex at all\n");
    assertThatThrownBy(() -> KeyedHash.ofInstallation(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(KeyedHash.SECRET_FILE)
        .hasMessageContaining("not hexadecimal");
    Files.writeString(dir.resolve(KeyedHash.SECRET_FILE), "abcd\n");
    assertThatThrownBy(() -> KeyedHash.ofInstallation(dir))
        .hasMessageContaining("shorter than 16 bytes");
  }

  private static byte[] bytes(int length, int value) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
