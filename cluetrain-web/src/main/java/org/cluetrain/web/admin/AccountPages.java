package org.cluetrain.web.admin;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cluetrain.access.Account;
import org.cluetrain.access.AccountStore;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.access.AccessControl;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;
import org.cluetrain.web.page.Messages;
import org.cluetrain.web.page.PageContext;
import org.cluetrain.web.page.Templates;

/**
 * Everybody's own account: a new password (the current one first), the interface language, and API
 * tokens for scripts — each shown once when created, and revocable.
 */
public final class AccountPages {
  /** The longest label of a token. */
  static final int MAX_LABEL = 80;

  private final EmbeddedRuntime runtime;

  private AccountPages(EmbeddedRuntime runtime) {
    this.runtime = runtime;
  }

  static void register(Javalin app, EmbeddedRuntime runtime) {
    AccountPages pages = new AccountPages(runtime);
    app.get(
        "/account", ctx -> pages.render(ctx, Map.of(), null, null, HttpStatus.OK), Access.VIEWER);
    app.post("/account/password", pages::changePassword, Access.VIEWER);
    app.post("/account/language", pages::chooseLanguage, Access.VIEWER);
    app.post("/account/tokens", pages::createToken, Access.VIEWER);
    app.post("/account/tokens/{id}/delete", pages::revokeToken, Access.VIEWER);
  }

  /** A token in the list: never its secret. */
  public record TokenRow(String id, String label, String created) {}

  private void render(
      Context ctx,
      Map<String, String> errors,
      String newToken,
      String newLabel,
      HttpStatus status) {
    PageContext page = Authentication.page(ctx, null, "account");
    Account account = Authentication.requireAccount(ctx);
    List<TokenRow> tokens =
        access().tokens(account.name()).stream()
            .map(
                (AccountStore.Token token) ->
                    new TokenRow(token.id(), token.label(), page.t().dateTime(token.created())))
            .toList();
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("account", account);
    model.put("tokens", tokens);
    model.put("errors", errors);
    model.put("newToken", newToken);
    model.put("newLabel", newLabel);
    model.put("notice", notice(ctx, page.t()));
    model.put("minPassword", AccessControl.MIN_PASSWORD_LENGTH);
    ctx.status(status);
    Templates.page(ctx, "admin/account.jte", model);
  }

  private static String notice(Context ctx, Messages t) {
    if (ctx.queryParam("password") != null) {
      return t.get("account.notice.password");
    }
    if (ctx.queryParam("language") != null) {
      return t.get("account.notice.language");
    }
    String revoked = ctx.queryParam("revoked");
    if (revoked != null) {
      return t.get("account.notice.revoked", revoked);
    }
    return null;
  }

  private void changePassword(Context ctx) {
    Account account = Authentication.requireAccount(ctx);
    Messages t = Authentication.page(ctx, null, "account").t();
    String current = ctx.formParam("current");
    String password = ctx.formParam("password");
    String problem = null;
    if (UserPages.tooShort(password)) {
      problem = t.get("admin.error.password", AccessControl.MIN_PASSWORD_LENGTH);
    } else if (!Objects.equals(password, ctx.formParam("repeat"))) {
      problem = t.get("account.error.repeat");
    } else {
      try {
        access()
            .changeOwnPassword(
                account.name(), current, password, ctx.cookie(Authentication.SESSION_COOKIE));
      } catch (IllegalArgumentException wrong) {
        problem = t.get("account.error.current");
      }
    }
    if (problem != null) {
      render(ctx, Map.of("password", problem), null, null, HttpStatus.BAD_REQUEST);
      return;
    }
    Authentication.audit(ctx, AuditKind.PASSWORD_CHANGED, account.name(), "other sessions ended");
    ctx.redirect("/account?password=changed");
  }

  private void chooseLanguage(Context ctx) {
    Account account = Authentication.requireAccount(ctx);
    String language = ctx.formParam("language");
    if (language == null || !Messages.LANGUAGES.contains(language)) {
      Messages t = Authentication.page(ctx, null, "account").t();
      render(
          ctx,
          Map.of("language", t.get("account.error.language", String.valueOf(language))),
          null,
          null,
          HttpStatus.BAD_REQUEST);
      return;
    }
    access().accounts().setLanguage(account.name(), language);
    // the language cookie wins over the account's choice; make it say the same
    Cookie cookie = new Cookie(Authentication.LANGUAGE_COOKIE, language);
    cookie.setPath("/");
    cookie.setMaxAge(365 * 24 * 3600);
    cookie.setSecure(Authentication.isHttps(ctx));
    ctx.cookie(cookie);
    ctx.redirect("/account?language=" + language);
  }

  private void createToken(Context ctx) {
    Account account = Authentication.requireAccount(ctx);
    Messages t = Authentication.page(ctx, null, "account").t();
    String label = Objects.requireNonNullElse(ctx.formParam("label"), "").strip();
    if (label.isEmpty() || label.length() > MAX_LABEL) {
      render(
          ctx,
          Map.of("token", t.get("account.error.label", MAX_LABEL)),
          null,
          null,
          HttpStatus.BAD_REQUEST);
      return;
    }
    String secret = access().createToken(account.name(), label);
    Authentication.audit(ctx, AuditKind.TOKEN_ISSUED, account.name(), "label: " + label);
    // shown once, on this answer only: the store keeps just its hash
    ctx.header("Cache-Control", "no-store");
    render(ctx, Map.of(), secret, label, HttpStatus.CREATED);
  }

  private void revokeToken(Context ctx) {
    Account account = Authentication.requireAccount(ctx);
    String id = ctx.pathParam("id");
    boolean own = access().tokens(account.name()).stream().anyMatch(t -> t.id().equals(id));
    if (!own) {
      throw new io.javalin.http.NotFoundResponse("you have no token with the id " + id);
    }
    access().revokeToken(account.name(), id);
    Authentication.audit(ctx, AuditKind.TOKEN_REVOKED, id, "of " + account.name());
    ctx.redirect("/account?revoked=" + id);
  }

  private AccessControl access() {
    return runtime.access();
  }
}
