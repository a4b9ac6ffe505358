package nn.cli;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * nn serve's page in a real headless chromium (Debian's, with its chromedriver): a stroke drawn
 * with the mouse, the prediction and the bars read back, the strip of test images checked.
 * Outside CI a machine without chromium skips this; in CI (CI=true) that is a failure.
 */
final class PageInBrowser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static String serverBase;

    private PageInBrowser() {
    }

    static void drawAndRead(Path dir) throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            String why = "chromium and chromium-driver are needed (apt-get install chromium chromium-driver; .ci/run does)";
            if ("true".equals(System.getenv("CI"))) fail(why);
            Assumptions.abort(why);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.manage().window().setSize(new Dimension(1040, 720));
            browser.get(serverBase + "/");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            wait.until(b -> b.findElements(By.cssSelector("#strip .tile")).size() == 10);

            // A "1": one vertical stroke down the middle of the pad.
            WebElement pad = browser.findElement(By.id("pad"));
            Actions stroke = new Actions(browser).moveToElement(pad, 5, -90).clickAndHold();
            for (int i = 0; i < 9; i++) stroke.moveByOffset(-1, 20);
            stroke.release().perform();
            wait.until(b -> !b.findElement(By.id("prediction")).getText().equals("–")
                    && b.findElements(By.cssSelector("#probabilities .bar")).size() == 10);
            String predicted = browser.findElement(By.id("prediction")).getText();
            List<WebElement> bars = browser.findElements(By.cssSelector("#probabilities .bar"));
            double sum = 0;
            for (WebElement bar : bars) sum += Double.parseDouble(bar.getDomAttribute("data-p"));
            assertEquals(1, sum, 1e-6, "the bars' probabilities");
            assertEquals("1", predicted, "a vertical stroke");
            WebElement best = browser.findElement(By.cssSelector("#probabilities .bar.best"));
            assertEquals(predicted, best.getDomAttribute("data-class"));

            Pattern title = Pattern.compile("P:(\\d) T:(\\d)");
            List<WebElement> tiles = browser.findElements(By.cssSelector("#strip .tile"));
            assertEquals(10, tiles.size());
            for (WebElement tile : tiles) {
                Matcher m = title.matcher(tile.findElement(By.className("tile-title")).getText());
                assertTrue(m.matches(), tile.getText());
                boolean wrong = !m.group(1).equals(m.group(2));
                assertEquals(wrong, tile.getDomAttribute("class").contains("wrong"), tile.getText());
            }
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Path target = Path.of("target", "serve-page.png");
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.quit();
        }
    }
}
