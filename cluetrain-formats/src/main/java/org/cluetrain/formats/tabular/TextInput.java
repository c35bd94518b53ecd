package org.cluetrain.formats.tabular;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Text inputs as UTF-8 readers that skip a byte-order mark and replace malformed bytes. */
final class TextInput {
  private TextInput() {}

  static BufferedReader utf8(InputStream in) throws IOException {
    PushbackInputStream pushback = new PushbackInputStream(in, 3);
    byte[] start = pushback.readNBytes(3);
    boolean bom =
        start.length == 3
            && (start[0] & 0xff) == 0xef
            && (start[1] & 0xff) == 0xbb
            && (start[2] & 0xff) == 0xbf;
    if (!bom) {
      pushback.unread(start);
    }
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new BufferedReader(new InputStreamReader(pushback, decoder), 64 * 1024);
  }
}
