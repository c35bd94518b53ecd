package org.cluetrain.lucene.stream;

import java.util.Arrays;

/**
 * One post as the compiled queries see it: its text and title analysed once, and the ids of the
 * keyword values it carries.
 *
 * @param keywords ids of the post's registered keyword values, ascending
 */
record PostView(FieldTokens text, FieldTokens title, int[] keywords) {

  FieldTokens field(boolean inTitle) {
    return inTitle ? title : text;
  }

  boolean hasKeyword(int id) {
    return Arrays.binarySearch(keywords, id) >= 0;
  }
}
