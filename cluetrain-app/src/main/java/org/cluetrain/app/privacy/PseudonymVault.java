package org.cluetrain.app.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.cluetrain.json.Json;
import org.cluetrain.model.Author;
import org.cluetrain.privacy.KeyedHash;
import org.cluetrain.privacy.PseudonymStore;
import org.cluetrain.privacy.Subject;

/**
 * Author pseudonyms: {@code HMAC(installation secret, author id)}, so analysts see the same
 * non-identifying key for the same person everywhere, and the identity behind each one sealed with
 * AES-GCM under a key derived from the same secret, so only this installation can reveal it.
 */
public final class PseudonymVault {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final KeyedHash hash;
  private final PseudonymStore store;
  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  public PseudonymVault(KeyedHash hash, PseudonymStore store) {
    this.hash = Objects.requireNonNull(hash, "hash");
    this.store = Objects.requireNonNull(store, "store");
    // a key of its own, derived from the secret: the hashes it makes are never the key
    this.key = new SecretKeySpec(HexFormat.of().parseHex(hash.hash("pseudonym vault key")), "AES");
  }

  /**
   * The stable pseudonym of an author: the same person gets the same one in every project and after
   * every restart, and nobody without the installation's secret can tell who it is.
   */
  public Author pseudonym(Author author) {
    String keyed = hash.hash("pseudonym:" + author.id().toLowerCase(Locale.ROOT));
    return new Author(
        "pseudonym:" + keyed.substring(0, 16), "author-" + keyed.substring(0, 8), null, null);
  }

  /** Whether this author is a pseudonym already. */
  public static boolean isPseudonym(Author author) {
    return author.id().startsWith("pseudonym:");
  }

  /** The author's pseudonym, keeping who it stands for sealed for an admin to reveal. */
  public Author pseudonymise(Author author) {
    if (isPseudonym(author)) {
      return author;
    }
    Author pseudonym = pseudonym(author);
    store.remember(pseudonym.id(), seal(author));
    return pseudonym;
  }

  /** Who a pseudonym stands for, or empty when it is unknown or was erased. */
  public Optional<Author> reveal(String pseudonym) {
    return store.sealed(pseudonym).map(this::unseal);
  }

  /** The pseudonyms of the person asked about, each with who it stands for. */
  public List<Map.Entry<Author, Author>> matching(Subject subject) {
    List<Map.Entry<Author, Author>> found = new ArrayList<>();
    for (Map.Entry<String, String> sealed : store.allSealed().entrySet()) {
      Author real = unseal(sealed.getValue());
      if (subject.matches(real)) {
        found.add(Map.entry(pseudonym(real), real));
      }
    }
    return found;
  }

  /** Forgets who these pseudonyms stand for: nobody can reveal them any more. */
  public int forget(Collection<String> pseudonyms) {
    return store.forget(pseudonyms);
  }

  private String seal(Author author) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(Json.mapper().writeValueAsBytes(author));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException | JsonProcessingException e) {
      throw new IllegalStateException("cannot seal the identity behind a pseudonym", e);
    }
  }

  private Author unseal(String sealed) {
    try {
      byte[] bytes = Base64.getDecoder().decode(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return Json.mapper().readValue(new String(plain, StandardCharsets.UTF_8), Author.class);
    } catch (GeneralSecurityException | IllegalArgumentException | java.io.IOException e) {
      throw new IllegalStateException(
          "cannot open the identity behind a pseudonym: was the data directory's "
              + KeyedHash.SECRET_FILE
              + " replaced?",
          e);
    }
  }
}
