package cn.qiying.app.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver (installed by `make test`), with the flags this closed
 * network needs (no background networking, no component updates) and a fresh profile per browser.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {
    }

    public static WebDriver start(int width, int height) {
        try {
            Path profile = Files.createTempDirectory("qiying-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--disable-quic", "--lang=zh-CN", "--window-size=" + width + "," + height,
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Saves what the browser shows as a PNG: under target/screenshots/, or the folder named by QIYING_SCREENSHOTS
     * ({@code make screenshots} points it at docs/screenshots/, the pictures the README shows).
     */
    public static void screenshot(WebDriver driver, String name) {
        try {
            String configured = System.getenv("QIYING_SCREENSHOTS");
            Path dir = configured == null || configured.isBlank() ? Path.of("target/screenshots") : Path.of(configured);
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
