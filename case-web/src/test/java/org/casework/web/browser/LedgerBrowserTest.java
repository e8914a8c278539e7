package org.casework.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.casework.core.clients.ResidentIdNumber;
import org.casework.core.clients.Sex;
import org.casework.core.ledgers.ImportColumn;
import org.casework.it.IntegrationTest;
import org.casework.it.fixtures.TestData;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A station head opens 台账 from the navigation, uploads the township's old registry ledger and
 * reads the report of the refused row, then chooses a ledger and a period and downloads it: the
 * file arrives and lists the imported child with a masked ID number.
 */
@Tag("browser")
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerBrowserTest {

    @LocalServerPort
    int port;

    Browser browser;
    Path downloads;

    @BeforeAll
    void startBrowser() throws IOException {
        browser = new Browser(port);
        downloads = Files.createTempDirectory("casework-ledgers");
        browser.driver()
                .executeCdpCommand(
                        "Browser.setDownloadBehavior",
                        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
        Browser.deleteProfile(downloads);
    }

    @Test
    void aHeadUploadsTheOldLedgerReadsTheReportAndDownloadsTheNewOne() throws IOException {
        String name = TestData.uniqueName();
        java.time.LocalDate born = TestData.today().minusYears(8).minusDays(20);
        String id = TestData.idNumber(born, Sex.FEMALE);
        String refused = TestData.uniqueName();
        Path file = downloads.resolve("old-ledger.xlsx");
        writeLedger(
                file,
                List.of(
                        List.of(name, "女", born.toString(), id, "410225101201", "留守儿童", "", "2024-03-01"),
                        List.of(
                                refused,
                                "男",
                                born.toString(),
                                id.substring(0, 17) + (id.endsWith("1") ? "2" : "1"),
                                "410225101201",
                                "留守儿童",
                                "",
                                "2024-03-01")));

        browser.login("head-guyang");
        browser.find(By.cssSelector("nav.main-nav a[href='/ledgers']")).click();
        browser.waitForText(By.tagName("h1"), "台账");

        browser.waitFor(By.id("ledger-file")).sendKeys(file.toString());
        browser.find(By.id("ledger-upload")).click();
        browser.waitForText(By.id("ledger-import-result"), "共 2 行：导入 1 行，未导入 1 行。");
        String rejections = browser.find(By.id("ledger-rejections")).getText();
        assertThat(rejections).contains(refused).contains("身份证号校验位不正确");
        browser.screenshot("casework-ledger-import");
        browser.find(By.id("ledger-report")).click();
        Path report = awaitDownload(p -> p.getFileName().toString().contains("报告"));
        assertThat(cells(report)).contains(refused).doesNotContain(name);

        new Select(browser.find(By.id("ledger-kind"))).selectByValue("LEFT_BEHIND_CHILDREN");
        new Select(browser.find(By.id("ledger-region"))).selectByValue("410225101201");
        browser.set("from", TestData.today().minusMonths(6).toString());
        browser.set("to", TestData.today().toString());
        browser.find(By.id("ledger-download")).click();
        Path ledger = awaitDownload(p -> p.getFileName().toString().startsWith("留守儿童台账"));

        List<String> cells = cells(ledger);
        assertThat(cells).contains("身份证号", name, new ResidentIdNumber(id).masked());
        assertThat(cells).doesNotContain(id);
    }

    private Path awaitDownload(java.util.function.Predicate<Path> which) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(p -> p.toString().endsWith(".xlsx"))
                        .filter(which)
                        .findFirst()
                        .orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    private static List<String> cells(Path file) throws IOException {
        List<String> cells = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
                ReadableWorkbook workbook = new ReadableWorkbook(in);
                Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            rows.forEach(row -> row.forEach(cell -> {
                if (cell != null) {
                    cells.add(cell.getText());
                }
            }));
        }
        return cells;
    }

    private static void writeLedger(Path file, List<List<String>> rows) throws IOException {
        try (var out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("台账");
            ImportColumn[] columns = ImportColumn.values();
            for (int c = 0; c < columns.length; c++) {
                sheet.value(0, c, columns[c].chinese());
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    sheet.value(r + 1, c, rows.get(r).get(c));
                }
            }
            workbook.finish();
        }
    }
}
