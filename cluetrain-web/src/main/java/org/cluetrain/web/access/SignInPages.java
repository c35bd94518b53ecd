package org.cluetrain.web.access;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import org.cluetrain.app.access.AccessControl;
import org.cluetrain.audit.AuditEvent;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.web.page.Messages;
import org.cluetrain.web.page.PageContext;
import org.cluetrain.web.page.Templates;

/** Signing in and out, and choosing the interface language. */
public final class SignInPages {
  private SignInPages() {}

  public static void register(Javalin app) {
    app.get("/login", ctx -> loginPage(ctx, null, HttpStatus.OK), Access.PUBLIC);
    app.post("/login", SignInPages::signIn, Access.PUBLIC);
    app.post("/logout", SignInPages::signOut, Access.PUBLIC);
    app.post("/language", SignInPages::chooseLanguage, Access.PUBLIC);
  }

  private static void loginPage(Context ctx, String error, HttpStatus status) {
    PageContext page = Authentication.page(ctx, null, "login");
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("next", localPath(ctx.queryParam("next"), ctx.formParam("next")));
    model.put("error", error);
    model.put("name", ctx.formParam("name") == null ? "" : ctx.formParam("name"));
    ctx.status(status);
    Templates.page(ctx, "login.jte", model);
  }

  private static void signIn(Context ctx) {
    requireSameOrigin(ctx);
    AccessControl access = Authentication.accessControl(ctx);
    Messages t = Messages.of(Authentication.language(ctx));
    try {
      AccessControl.SignedIn signedIn =
          access.signIn(
              ctx.formParam("name"), ctx.formParam("password"), Authentication.clientAddress(ctx));
      Authentication.setSessionCookie(
          ctx, signedIn.secret(), (int) AccessControl.SESSION_LIFETIME.toSeconds());
      Authentication.audit(
          ctx, signedIn.account().name(), AuditKind.SIGN_IN, signedIn.account().name(), "");
      ctx.redirect(localPath(ctx.formParam("next"), null));
    } catch (AccessControl.SignInRefused refused) {
      // the name tried, as typed (bounded by the log); never the password
      String tried = ctx.formParam("name") == null ? "" : ctx.formParam("name");
      Authentication.audit(
          ctx,
          AuditEvent.ANONYMOUS,
          AuditKind.SIGN_IN_FAILED,
          tried,
          refused.retryAfter().isPresent() ? "throttled" : "wrong name or password");
      if (refused.retryAfter().isPresent()) {
        long seconds = refused.retryAfter().get().toSeconds() + 1;
        ctx.header("Retry-After", Long.toString(seconds));
        loginPage(
            ctx,
            t.get("login.throttled", Math.max(1, (seconds + 59) / 60)),
            HttpStatus.TOO_MANY_REQUESTS);
      } else {
        loginPage(ctx, t.get("login.wrong"), HttpStatus.UNAUTHORIZED);
      }
    }
  }

  private static void signOut(Context ctx) {
    Authentication.account(ctx)
        .ifPresent(a -> Authentication.audit(ctx, AuditKind.SIGN_OUT, a.name(), ""));
    Authentication.accessControl(ctx).signOut(ctx.cookie(Authentication.SESSION_COOKIE));
    Authentication.setSessionCookie(ctx, "", 0);
    ctx.redirect("/login");
  }

  private static void chooseLanguage(Context ctx) {
    String language = Messages.supported(ctx.formParam("language"));
    Cookie cookie = new Cookie(Authentication.LANGUAGE_COOKIE, language);
    cookie.setPath("/");
    cookie.setMaxAge(365 * 24 * 3600);
    cookie.setSecure(Authentication.isHttps(ctx));
    ctx.cookie(cookie);
    Authentication.account(ctx)
        .ifPresent(
            account ->
                Authentication.accessControl(ctx).accounts().setLanguage(account.name(), language));
    ctx.redirect(localPath(refererPath(ctx.header("Referer")), null));
  }

  /** The path of the page a form was sent from; a Referer that is no URI counts as none. */
  static String refererPath(String referer) {
    if (referer == null) {
      return null;
    }
    try {
      return new URI(referer).getRawPath();
    } catch (URISyntaxException malformed) {
      return null;
    }
  }

  /**
   * Sign-in forms come only from our own pages: a cross-site form could otherwise sign a browser
   * into the attacker's account ("login CSRF").
   */
  private static void requireSameOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null || origin.equals("null")) {
      return; // older browsers and scripts send none; SameSite cookies still protect the session
    }
    URI uri;
    try {
      uri = new URI(origin);
    } catch (URISyntaxException malformed) {
      throw new BadRequestResponse(
          "the Origin header is not a valid origin (scheme://host[:port]): " + printable(origin));
    }
    String host = ctx.host();
    if (host == null
        || !(uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())).equals(host)) {
      throw new ForbiddenResponse("sign-in forms must be sent from this site");
    }
  }

  /**
   * Only paths on this site are followed after signing in: never another site. Anything else goes
   * to the start page: a path must start with one {@code /}, and may hold no backslash, no control,
   * space or invisible formatting character (browsers drop tabs and line breaks, so {@code
   * /<TAB>/evil.example} becomes {@code //evil.example}, another site), and must parse as a path
   * without scheme or host.
   */
  static String localPath(String first, String second) {
    String next = first != null ? first : second;
    return next != null && isLocalPath(next) ? next : "/";
  }

  private static boolean isLocalPath(String next) {
    if (!next.startsWith("/") || next.startsWith("//")) {
      return false;
    }
    for (int i = 0; i < next.length(); ) {
      int c = next.codePointAt(i);
      if (c == '\\'
          || Character.isISOControl(c)
          || Character.isWhitespace(c)
          || Character.isSpaceChar(c)
          || Character.getType(c) == Character.FORMAT) {
        return false;
      }
      i += Character.charCount(c);
    }
    URI uri;
    try {
      uri = new URI(next);
    } catch (URISyntaxException malformed) {
      return false;
    }
    return uri.getScheme() == null
        && uri.getRawAuthority() == null
        && uri.getRawPath() != null
        && uri.getRawPath().startsWith("/")
        && !uri.getRawPath().startsWith("//");
  }

  /** A header's value for a message: control characters shown as {@code ?}, at most 100. */
  private static String printable(String value) {
    String shown = value.length() > 100 ? value.substring(0, 100) + "…" : value;
    return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
  }
}
