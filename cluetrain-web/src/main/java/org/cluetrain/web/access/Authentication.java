package org.cluetrain.web.access;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.SameSite;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.cluetrain.access.Account;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.access.AccessControl;
import org.cluetrain.app.audit.AuditTrail;
import org.cluetrain.audit.AuditEvent;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.connectors.net.AddressBlock;
import org.cluetrain.web.page.Messages;
import org.cluetrain.web.page.PageContext;

/**
 * Decides, before every matched route, who is asking and whether they may: a browser by its session
 * cookie, a script by its API token ({@code Authorization: Bearer ct_…}). Routes are closed unless
 * marked {@link Access#PUBLIC}. Browser requests that change something must carry the session's
 * CSRF token (form field {@code _csrf} or header {@code X-CSRF-Token}); token requests need none,
 * since browsers never send tokens on their own.
 */
public final class Authentication {
  public static final String SESSION_COOKIE = "cluetrain_session";
  public static final String LANGUAGE_COOKIE = "cluetrain_lang";
  public static final String CSRF_FIELD = "_csrf";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String IDENTITY = "cluetrain.identity";
  private static final String SELF = "cluetrain.authentication";
  private static final Set<HandlerType> SAFE_METHODS =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

  private final AccessControl access;
  private final Supplier<List<String>> projects;
  private final ClientAddress clientAddress;
  private final AuditTrail audit;

  /** Who is asking: the account, and for a browser session its cookie secret and CSRF token. */
  record Identity(Account account, String sessionSecret, String csrfToken) {}

  private Authentication(
      AccessControl access,
      AuditTrail audit,
      Supplier<List<String>> projects,
      List<AddressBlock> trustedProxies) {
    this.access = access;
    this.audit = audit;
    this.projects = projects;
    this.clientAddress = new ClientAddress(trustedProxies);
  }

  /**
   * Guards every route of the app.
   *
   * @param audit where sign-ins and what signed-in people change are recorded
   * @param projects every project of the workspace, in order
   * @param trustedProxies the reverse proxies whose {@code X-Forwarded-For} names the client
   * @param publicHosts the host names people reach the server by, besides loopback and addresses
   * @param bindHost the interface the server listens on
   */
  public static void install(
      Javalin app,
      AccessControl access,
      AuditTrail audit,
      Supplier<List<String>> projects,
      List<AddressBlock> trustedProxies,
      List<String> publicHosts,
      String bindHost) {
    Authentication authentication = new Authentication(access, audit, projects, trustedProxies);
    HostGuard hosts = new HostGuard(publicHosts, bindHost);
    app.before(Authentication::securityHeaders);
    app.before(ctx -> refuseOtherHosts(ctx, hosts));
    // known before routing, so that a page no route answers (the not-found page) still knows who
    // asks: their language, their navigation
    app.before(ctx -> ctx.attribute(SELF, authentication));
    app.beforeMatched(authentication::check);
  }

  /**
   * Answers 421 (Misdirected Request) to a request naming a host this server is not: see {@link
   * HostGuard}. Nothing else runs for it.
   */
  private static void refuseOtherHosts(Context ctx, HostGuard hosts) {
    Optional<String> refusal = hosts.refusal(ctx.header("Host"));
    if (refusal.isPresent()) {
      ctx.status(HttpStatus.MISDIRECTED_REQUEST);
      if (isApi(ctx)) {
        ctx.json(Map.of("error", refusal.get()));
      } else {
        ctx.contentType("text/plain; charset=utf-8").result(refusal.get());
      }
      ctx.skipRemainingHandlers();
    }
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; frame-ancestors 'none'; form-action 'self'");
  }

  private void check(Context ctx) {
    ctx.attribute(SELF, this);
    Set<RouteRole> roles = ctx.routeRoles();
    Identity identity = identify(ctx);
    if (identity != null) {
      ctx.attribute(IDENTITY, identity);
    }
    if (roles.contains(Access.PUBLIC) || isStaticFile(ctx, roles)) {
      if (identity != null && identity.sessionSecret() != null) {
        requireCsrf(ctx, identity);
      }
      return;
    }
    // a route without a role is closed to all but admins: forgetting to mark one fails safe
    Access needed =
        roles.stream()
            .filter(Access.class::isInstance)
            .map(Access.class::cast)
            .min(Enum::compareTo)
            .orElse(Access.ADMIN);
    if (identity == null) {
      refuseAnonymous(ctx);
      return;
    }
    if (!identity.account().may(needed.role())) {
      throw new ForbiddenResponse(
          "your role "
              + identity.account().role().label()
              + " may not do this; it needs "
              + needed.role().label());
    }
    if (identity.sessionSecret() != null) {
      requireCsrf(ctx, identity);
    }
  }

  private Identity identify(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return access
          .tokenAccount(authorization.substring(7).strip())
          .map(account -> new Identity(account, null, null))
          .orElse(null);
    }
    return access
        .session(ctx.cookie(SESSION_COOKIE))
        .map(s -> new Identity(s.account(), s.secret(), s.csrfToken()))
        .orElse(null);
  }

  private static void refuseAnonymous(Context ctx) {
    if (isApi(ctx)) {
      ctx.header("WWW-Authenticate", "Bearer");
      ctx.status(HttpStatus.UNAUTHORIZED)
          .json(
              Map.of(
                  "error",
                  "sign in first: send an API token as 'Authorization: Bearer ct_…' (create one"
                      + " on your account page or with 'cluetrain users token')"));
      ctx.skipRemainingHandlers();
      return;
    }
    String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    if (ctx.method() != HandlerType.GET) {
      next = "/";
    }
    ctx.redirect("/login?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8));
    ctx.skipRemainingHandlers();
  }

  private static void requireCsrf(Context ctx, Identity identity) {
    if (SAFE_METHODS.contains(ctx.method())) {
      return;
    }
    String sent = ctx.header(CSRF_HEADER);
    if (sent == null && isForm(ctx)) {
      sent = ctx.formParam(CSRF_FIELD);
    }
    if (sent == null
        || !MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8),
            identity.csrfToken().getBytes(StandardCharsets.UTF_8))) {
      throw new ForbiddenResponse(
          "the form's security token (CSRF) is missing or stale; reload the page and try again");
    }
  }

  private static boolean isForm(Context ctx) {
    String type = ctx.contentType();
    return type != null
        && (type.startsWith("application/x-www-form-urlencoded")
            || type.startsWith("multipart/form-data"));
  }

  /**
   * Stylesheets, scripts and WebJars: static files have no route and so no role, and every page,
   * the sign-in page included, needs them.
   */
  private static boolean isStaticFile(Context ctx, Set<RouteRole> roles) {
    return roles.isEmpty()
        && ctx.method() == HandlerType.GET
        && (ctx.path().startsWith("/assets/") || ctx.path().startsWith("/webjars/"));
  }

  static boolean isApi(Context ctx) {
    return ctx.path().startsWith("/api/") || ctx.path().equals("/api");
  }

  /** The signed-in account of this request, if any. */
  public static Optional<Account> account(Context ctx) {
    Identity identity = ctx.attribute(IDENTITY);
    return Optional.ofNullable(identity).map(Identity::account);
  }

  /** The signed-in account of a route that needs one (the check has run). */
  public static Account requireAccount(Context ctx) {
    return account(ctx).orElseThrow(() -> new ForbiddenResponse("sign in first"));
  }

  /**
   * The project the path names ({@code {project}}), once it is known to exist (404 otherwise) and
   * the account may see it (403 otherwise).
   */
  public static String pathProject(Context ctx, EmbeddedRuntime runtime) {
    String project = ctx.pathParam("project");
    if (runtime.workspace().project(project).isEmpty()) {
      throw new NotFoundResponse("no project '" + project + "'");
    }
    requireProject(ctx, project);
    return project;
  }

  /** Refuses with 403 unless the account may see the project. */
  public static void requireProject(Context ctx, String project) {
    Account account = requireAccount(ctx);
    if (project == null ? !account.seesAllProjects() : !account.canSee(project)) {
      throw new ForbiddenResponse(
          project == null
              ? "your account sees only some projects; name one of them"
              : "your account may not see the project '" + project + "'");
    }
  }

  /** The language of the interface for this request: chosen, then the account's, then browser's. */
  public static String language(Context ctx) {
    String chosen = ctx.cookie(LANGUAGE_COOKIE);
    if (chosen != null && Messages.LANGUAGES.contains(chosen)) {
      return chosen;
    }
    Optional<Account> account = account(ctx);
    if (account.isPresent() && account.get().language() != null) {
      return Messages.supported(account.get().language());
    }
    return Messages.fromAcceptLanguage(ctx.header("Accept-Language"));
  }

  /** Everything a page needs about the person and the request. */
  public static PageContext page(Context ctx, String project, String section) {
    Identity identity = ctx.attribute(IDENTITY);
    Authentication authentication = ctx.attribute(SELF);
    if (identity == null && authentication != null) {
      identity = authentication.identify(ctx); // no route matched, so no check identified them
    }
    Account account = identity == null ? null : identity.account();
    List<String> visible =
        authentication == null
            ? List.of()
            : authentication.projects.get().stream()
                .filter(p -> account == null || account.canSee(p))
                .toList();
    return new PageContext(
        account,
        Messages.of(language(ctx)),
        identity == null ? null : identity.csrfToken(),
        visible,
        project,
        section,
        Instant.now());
  }

  /** Sets the session cookie: HTTP only, same-site, and secure whenever the request was HTTPS. */
  static void setSessionCookie(Context ctx, String secret, int maxAgeSeconds) {
    Cookie cookie = new Cookie(SESSION_COOKIE, secret);
    cookie.setPath("/");
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.LAX);
    cookie.setMaxAge(maxAgeSeconds);
    cookie.setSecure(isHttps(ctx));
    ctx.cookie(cookie);
  }

  /**
   * Whether the browser's request was HTTPS: on this connection, or on the client's connection to a
   * trusted reverse proxy, which says so in {@code X-Forwarded-Proto}. Anyone else's header is
   * ignored, as anyone can send it.
   */
  public static boolean isHttps(Context ctx) {
    if ("https".equalsIgnoreCase(ctx.scheme())) {
      return true;
    }
    Authentication authentication = ctx.attribute(SELF);
    return authentication != null
        && authentication.clientAddress.isTrustedProxy(ctx.req().getRemoteAddr())
        && "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }

  /** The client's address: behind a trusted reverse proxy, the one it forwards. */
  static String clientAddress(Context ctx) {
    Authentication authentication = ctx.attribute(SELF);
    String remote = ctx.req().getRemoteAddr();
    if (authentication == null) {
      return remote;
    }
    return authentication.clientAddress.of(
        remote, java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
  }

  /**
   * Records in the audit log what the person asking did, with the client's address.
   *
   * @param target what it was done to, or empty
   * @param detail what changed, in a few words; never a password or a token's secret
   */
  public static void audit(Context ctx, AuditKind kind, String target, String detail) {
    String actor = account(ctx).map(Account::name).orElse(AuditEvent.ANONYMOUS);
    audit(ctx, actor, kind, target, detail);
  }

  /** Records in the audit log what someone did, for requests where nobody is signed in yet. */
  static void audit(Context ctx, String actor, AuditKind kind, String target, String detail) {
    Authentication authentication = ctx.attribute(SELF);
    if (authentication != null) {
      authentication.audit.record(actor, kind, target, detail, clientAddress(ctx));
    }
  }

  /** The access control behind the request's checks. */
  static AccessControl accessControl(Context ctx) {
    Authentication authentication = ctx.attribute(SELF);
    return authentication.access;
  }
}
