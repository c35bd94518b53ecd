package org.cluetrain.web.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.cluetrain.access.Role;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.ingest.FileImporter;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.formats.Formats;
import org.cluetrain.web.ApiServer;
import org.cluetrain.web.TestWorkspaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real browser tests: the server on the example workspace's data, and Debian's Chromium, headless,
 * driven by its ChromeDriver. Each test class gets a fresh data directory and browser.
 *
 * <p>With {@code -Dcluetrain.screenshots=DIR} the tests save screenshots of the pages they visit
 * there (that is how the README's pictures are made).
 */
public abstract class BrowserTestBase {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final String ADMIN = "admin";
  public static final String ANALYST = "ana";
  public static final String VIEWER = "vera";
  public static final String PASSWORD = "browser test secret";

  @TempDir static Path data;
  protected static EmbeddedRuntime runtime;
  protected static ApiServer server;
  protected WebDriver browser;
  protected WebDriverWait wait;

  @BeforeAll
  static void startServer() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "skipped: chromium and chromium-driver are not installed (apt-get install chromium"
            + " chromium-driver)");
    start(TestWorkspaces.example());
  }

  /** Starts the server on a workspace, its imports done, with an admin, an analyst, a viewer. */
  protected static void start(Workspace workspace) throws Exception {
    runtime = EmbeddedRuntime.open(data, workspace);
    new FileImporter(runtime.pipeline(), Formats.standard())
        .importWorkspace(workspace, (project, report) -> {});
    server = ApiServer.start(runtime, "127.0.0.1", 0, Map::of);
    runtime.access().addUser(ADMIN, Role.ADMIN, PASSWORD, Set.of());
    runtime.access().addUser(ANALYST, Role.ANALYST, PASSWORD, Set.of());
    runtime.access().addUser(VIEWER, Role.VIEWER, PASSWORD, Set.of());
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
      runtime.close();
    }
  }

  @BeforeEach
  void openBrowser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1366,900",
        "--lang=en-US");
    // downloads (the export links) land in the data directory, without asking
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads().toString(),
            "download.prompt_for_download",
            false));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    // a condition that finds an element while the page is being replaced (a form posts, a link
    // navigates) may hold the old page's element: asking again finds the new one
    wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** Where the browser saves what it downloads. */
  protected static Path downloads() {
    return data.resolve("downloads");
  }

  protected String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  /** Signs in through the real form and waits for the page it leads to. */
  protected void signIn(String name) {
    browser.get(url("/login"));
    browser.findElement(By.id("name")).sendKeys(name);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
  }

  /** Saves a screenshot when {@code -Dcluetrain.screenshots=DIR} is set. */
  protected void screenshot(String name) throws IOException {
    String dir = System.getProperty("cluetrain.screenshots");
    if (dir == null || dir.isBlank()) {
      return;
    }
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Path target = Path.of(dir).resolve(name + ".png");
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }
}
