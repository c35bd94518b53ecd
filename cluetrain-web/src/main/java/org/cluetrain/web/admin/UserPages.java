package org.cluetrain.web.admin;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cluetrain.access.Account;
import org.cluetrain.access.Role;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.access.AccessControl;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;
import org.cluetrain.web.page.Messages;
import org.cluetrain.web.page.PageContext;
import org.cluetrain.web.page.Templates;

/**
 * Who may sign in: an admin adds people with a role and the projects they may see, changes them,
 * sets a new password and removes them. There is always at least one admin left.
 */
public final class UserPages {
  private final EmbeddedRuntime runtime;

  private UserPages(EmbeddedRuntime runtime) {
    this.runtime = runtime;
  }

  static void register(Javalin app, EmbeddedRuntime runtime) {
    UserPages pages = new UserPages(runtime);
    app.get("/admin/users", ctx -> pages.render(ctx, Map.of(), null, HttpStatus.OK), Access.ADMIN);
    app.post("/admin/users", pages::add, Access.ADMIN);
    app.post("/admin/users/{name}", pages::change, Access.ADMIN);
    app.post("/admin/users/{name}/password", pages::resetPassword, Access.ADMIN);
    app.get("/admin/users/{name}/delete", pages::confirmRemove, Access.ADMIN);
    app.post("/admin/users/{name}/delete", pages::remove, Access.ADMIN);
  }

  /** A person in the list. */
  public record UserRow(String name, String role, Set<String> projects, boolean self, String path) {
    public boolean allProjects() {
      return projects.isEmpty();
    }
  }

  /** The add form as typed, to show again with its error. */
  public record AddForm(String name, String role, Set<String> projects) {}

  private void render(Context ctx, Map<String, String> errors, AddForm form, HttpStatus status) {
    PageContext page = Authentication.page(ctx, null, "users");
    Account me = Authentication.requireAccount(ctx);
    List<UserRow> users =
        access().accounts().all().stream()
            .map(
                a ->
                    new UserRow(
                        a.name(),
                        a.role().label(),
                        a.projects(),
                        a.name().equals(me.name()),
                        URLEncoder.encode(a.name(), StandardCharsets.UTF_8)))
            .toList();
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("users", users);
    model.put("projects", projectNames());
    model.put("errors", errors);
    model.put("form", form == null ? new AddForm("", "viewer", Set.of()) : form);
    model.put("notice", notice(ctx, page.t()));
    model.put("minPassword", AccessControl.MIN_PASSWORD_LENGTH);
    ctx.status(status);
    Templates.page(ctx, "admin/users.jte", model);
  }

  private static String notice(Context ctx, Messages t) {
    for (String what : List.of("added", "changed", "password", "removed")) {
      String name = ctx.queryParam(what);
      if (name != null && what.equals("password")) {
        String revoked = ctx.queryParam("revoked");
        return t.get(
            "admin.users.notice.password",
            name,
            revoked != null && revoked.matches("\\d{1,6}") ? Integer.parseInt(revoked) : 0);
      }
      if (name != null) {
        return t.get("admin.users.notice." + what, name);
      }
    }
    return null;
  }

  private void add(Context ctx) {
    Messages t = Authentication.page(ctx, null, "users").t();
    String name = Objects.requireNonNullElse(ctx.formParam("name"), "").strip();
    String roleText = Objects.requireNonNullElse(ctx.formParam("role"), "");
    Set<String> projects = new LinkedHashSet<>(ctx.formParams("projects"));
    AddForm form = new AddForm(name, roleText, projects);
    String problem = null;
    Role role = role(roleText);
    String password = ctx.formParam("password");
    if (!validName(name)) {
      problem = t.get("admin.error.name", name);
    } else if (access().accounts().find(name).isPresent()) {
      problem = t.get("admin.error.exists", name);
    } else if (role == null) {
      problem = t.get("admin.error.role", roleText);
    } else if (!projectNames().containsAll(projects)) {
      problem = t.get("admin.error.projects");
    } else if (tooShort(password)) {
      problem = t.get("admin.error.password", AccessControl.MIN_PASSWORD_LENGTH);
    }
    if (problem != null) {
      render(ctx, Map.of("add", problem), form, HttpStatus.BAD_REQUEST);
      return;
    }
    access().addUser(name, role, password, projects);
    Authentication.audit(ctx, AuditKind.USER_CREATED, name, describe(role, projects));
    ctx.redirect("/admin/users?added=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
  }

  private void change(Context ctx) {
    Account account = account(ctx);
    Messages t = Authentication.page(ctx, null, "users").t();
    Role role = role(ctx.formParam("role"));
    Set<String> projects = new LinkedHashSet<>(ctx.formParams("projects"));
    String problem = null;
    if (role == null) {
      problem = t.get("admin.error.role", ctx.formParam("role"));
    } else if (!projectNames().containsAll(projects)) {
      problem = t.get("admin.error.projects");
    } else {
      try {
        access().changeUser(account.name(), role, projects);
        // a role change is worth its own kind: it is what an audit of privileges looks for
        Authentication.audit(
            ctx,
            role == account.role() ? AuditKind.USER_CHANGED : AuditKind.ROLE_CHANGED,
            account.name(),
            "was "
                + describe(account.role(), account.projects())
                + ", now "
                + describe(role, projects));
      } catch (IllegalArgumentException lastAdmin) {
        problem = t.get("admin.error.last_admin", account.name());
      }
    }
    if (problem != null) {
      render(ctx, Map.of("user:" + account.name(), problem), null, HttpStatus.BAD_REQUEST);
      return;
    }
    ctx.redirect(
        "/admin/users?changed=" + URLEncoder.encode(account.name(), StandardCharsets.UTF_8));
  }

  private void resetPassword(Context ctx) {
    Account account = account(ctx);
    Messages t = Authentication.page(ctx, null, "users").t();
    String password = ctx.formParam("password");
    if (tooShort(password)) {
      render(
          ctx,
          Map.of(
              "password:" + account.name(),
              t.get("admin.error.password", AccessControl.MIN_PASSWORD_LENGTH)),
          null,
          HttpStatus.BAD_REQUEST);
      return;
    }
    int revoked = access().resetPassword(account.name(), password);
    Authentication.audit(
        ctx,
        AuditKind.PASSWORD_RESET,
        account.name(),
        "sessions ended, API tokens revoked: " + revoked);
    ctx.redirect(
        "/admin/users?password="
            + URLEncoder.encode(account.name(), StandardCharsets.UTF_8)
            + "&revoked="
            + revoked);
  }

  /** A user's role and projects, as the audit log says them. */
  private static String describe(Role role, Set<String> projects) {
    return "role "
        + role.label()
        + ", projects "
        + (projects.isEmpty() ? "all" : String.join(" ", projects));
  }

  private void confirmRemove(Context ctx) {
    Account account = account(ctx);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("page", Authentication.page(ctx, null, "users"));
    model.put("name", account.name());
    model.put("path", URLEncoder.encode(account.name(), StandardCharsets.UTF_8));
    Templates.page(ctx, "admin/remove.jte", model);
  }

  private void remove(Context ctx) {
    Account account = account(ctx);
    Messages t = Authentication.page(ctx, null, "users").t();
    String problem = null;
    if (account.name().equals(Authentication.requireAccount(ctx).name())) {
      problem = t.get("admin.error.self");
    } else {
      try {
        access().removeUser(account.name());
        Authentication.audit(ctx, AuditKind.USER_REMOVED, account.name(), "");
      } catch (IllegalArgumentException lastAdmin) {
        problem = t.get("admin.error.last_admin", account.name());
      }
    }
    if (problem != null) {
      render(ctx, Map.of("user:" + account.name(), problem), null, HttpStatus.BAD_REQUEST);
      return;
    }
    ctx.redirect(
        "/admin/users?removed=" + URLEncoder.encode(account.name(), StandardCharsets.UTF_8));
  }

  private Account account(Context ctx) {
    String name = ctx.pathParam("name");
    return access()
        .accounts()
        .find(name)
        .orElseThrow(() -> new NotFoundResponse("there is no user named '" + name + "'"));
  }

  private AccessControl access() {
    return runtime.access();
  }

  private List<String> projectNames() {
    return runtime.workspace().projects().stream().map(Workspace.Project::name).toList();
  }

  private static boolean validName(String name) {
    try {
      Account.checkName(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static boolean tooShort(String password) {
    return password == null || password.strip().length() < AccessControl.MIN_PASSWORD_LENGTH;
  }

  private static Role role(String text) {
    try {
      return Role.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
