package id.go.kemensos.returnee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A service's Swagger UI in a real browser: "Try it out" without logging in gets 401; the Authorize button opens the
 * identity provider's own login page in a popup (authorization code with PKCE, client returnee-console), and the same
 * request then answers 200 with the officer's bearer token.
 */
@PlatformIntegrationTest
class SwaggerUiLoginIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @BeforeAll
    static void startPlatform() {
        RunningPlatform.start();
    }

    @Test
    void anOfficerAuthorizesSwaggerUiAtTheProviderAndTriesAnOperation() {
        try (ConsoleBrowser browser = new ConsoleBrowser()) {
            WebDriver driver = browser.driver();
            driver.get(PlatformService.REGISTRATION.baseUrl() + "/swagger-ui/index.html");
            WebElement listReturnees = operation(browser, "get", "/api/returnees");

            listReturnees
                    .findElement(By.cssSelector(".opblock-summary-control"))
                    .click();
            browser.waitFor(By.cssSelector(".opblock.is-open .try-out__btn")).click();
            browser.waitFor(By.cssSelector(".opblock.is-open .execute")).click();
            assertThat(responseStatus(browser))
                    .as("without logging in, the operation is refused")
                    .isEqualTo("401");

            String console = driver.getWindowHandle();
            browser.find(By.cssSelector(".auth-wrapper .authorize")).click();
            WebElement dialog = browser.waitFor(By.cssSelector(".modal-ux"));
            WebElement clientId = new WebDriverWait(driver, PATIENCE)
                    .until(d -> dialog.findElements(By.cssSelector("input[id^=client_id]")).stream()
                            .filter(WebElement::isDisplayed)
                            .findFirst()
                            .orElse(null));
            assertThat(clientId.getAttribute("value"))
                    .as("the client is configured, not typed by the officer")
                    .isEqualTo("returnee-console");
            dialog.findElement(By.cssSelector(".auth-btn-wrapper .authorize")).click();

            String popup = new WebDriverWait(driver, PATIENCE).until(d -> {
                Set<String> handles = d.getWindowHandles();
                return handles.size() > 1
                        ? handles.stream()
                                .filter(h -> !h.equals(console))
                                .findFirst()
                                .orElseThrow()
                        : null;
            });
            driver.switchTo().window(popup);
            new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            assertThat(driver.getCurrentUrl())
                    .as("the login page is the provider's, asked for a PKCE code")
                    .contains("/realms/returnee-platform/protocol/openid-connect/auth")
                    .contains("code_challenge_method=S256")
                    .contains("client_id=returnee-console");
            driver.findElement(By.id("username")).sendKeys(OfficerLogin.CLERK_NTB);
            driver.findElement(By.id("password")).sendKeys(OfficerLogin.CLERK_NTB + "-local");
            driver.findElement(By.id("kc-login")).click();
            new WebDriverWait(driver, PATIENCE).until(d -> d.getWindowHandles().size() == 1);
            driver.switchTo().window(console);

            WebElement logout = new WebDriverWait(driver, PATIENCE)
                    .until(d -> d.findElements(By.cssSelector(".modal-ux .auth-btn-wrapper button")).stream()
                            .filter(b -> b.getText().contains("Logout"))
                            .findFirst()
                            .orElse(null));
            assertThat(logout.isDisplayed())
                    .as("Swagger UI holds the officer's token")
                    .isTrue();
            browser.find(By.cssSelector(".modal-ux .btn-done")).click();

            browser.waitFor(By.cssSelector(".opblock.is-open .execute")).click();
            new WebDriverWait(driver, PATIENCE)
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> "200".equals(responseStatus(browser)));
            String body = browser.find(By.cssSelector(".opblock.is-open .live-responses-table .microlight"))
                    .getText();
            assertThat(body).contains("\"items\"").contains("\"total\"");
            String curl = browser.find(By.cssSelector(".opblock.is-open .curl-command"))
                    .getText();
            assertThat(curl).as("the request carries the provider's token").contains("Authorization: Bearer ey");
            browser.screenshot("swagger-ui-authorized");
        }
    }

    /** The operation's block, once Swagger UI has read the service's API description. */
    private static WebElement operation(ConsoleBrowser browser, String method, String path) {
        return browser.waitFor(
                By.xpath("//div[contains(@class,'opblock-" + method + "')][.//*[@data-path='" + path + "']]"));
    }

    private static String responseStatus(ConsoleBrowser browser) {
        return new WebDriverWait(browser.driver(), PATIENCE)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d
                        .findElements(By.cssSelector(
                                ".opblock.is-open .live-responses-table tr.response .response-col_status"))
                        .stream()
                        .map(cell -> cell.getText().strip())
                        .filter(text -> !text.isEmpty())
                        .map(text -> text.split("\\s+")[0])
                        .findFirst()
                        .orElse(null));
    }
}
