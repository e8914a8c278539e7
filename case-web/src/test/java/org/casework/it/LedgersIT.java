package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientRepository;
import org.casework.core.clients.PhoneNumber;
import org.casework.core.clients.ResidentIdNumber;
import org.casework.core.clients.Sex;
import org.casework.core.ledgers.ImportColumn;
import org.casework.core.ledgers.LedgerExportEntry;
import org.casework.core.ledgers.LedgerExportRepository;
import org.casework.it.fixtures.TestData;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The 台账 page over real HTTP and the database: a registry ledger is imported row by row (bad rows
 * reported with their reasons, a second upload creates nothing), exported with masked numbers or,
 * with a reason, in full, and every export is logged. Files are written and read with FastExcel,
 * the library the server uses.
 */
@IntegrationTest
class LedgersIT {

    private static final String HEAD = "head-guyang";
    private static final String RENZHUANG = "410225101201";
    private static final String SIZHAI_NANZHANG = "410225102201";

    @LocalServerPort
    int port;

    @Autowired
    ClientRepository clients;

    @Autowired
    LedgerExportRepository exportLog;

    @Test
    void importCreatesValidRowsReportsBadOnesWithReasonsAndAReuploadCreatesNothing() throws IOException {
        Person child = Person.child();
        Person elder = Person.elder();
        Person badDigit = Person.child();
        String wrongCheck = badDigit.id.substring(0, 17) + (badDigit.id.endsWith("0") ? "1" : "0");
        Person outside = Person.child();
        byte[] file = ledger(List.of(
                child.row(RENZHUANG, "留守儿童", ""),
                elder.row(RENZHUANG, "老年人", "独居"),
                new Person(badDigit.name, wrongCheck, badDigit.born).row(RENZHUANG, "留守儿童", ""),
                outside.row(SIZHAI_NANZHANG, "留守儿童", ""),
                Person.child().row(RENZHUANG, "留守妇女", ""),
                // the same child twice in one file
                child.row(RENZHUANG, "留守儿童", "")));
        FileSession head = new FileSession(port, HEAD);

        FileSession.Answer first = head.upload("/ledgers", "/ledgers/import", "台账.xlsx", file);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text()).contains("共 6 行：导入 2 行，未导入 4 行。");
        assertThat(registered(child)).hasSize(1);
        assertThat(registered(elder)).hasSize(1);
        assertThat(registered(badDigit)).isEmpty();
        assertThat(registered(outside)).isEmpty();

        // the report of refused rows, downloaded by POST (no personal data in the URL)
        List<List<String>> report = read(head.postForm("/ledgers", reportAction(first.text()), Map.of()));
        assertThat(report.get(0)).containsExactly("行号", "姓名", "原因");
        assertThat(report).hasSize(5);
        assertThat(report.get(1)).containsExactly("4", badDigit.name, "身份证号校验位不正确，请核对。");
        assertThat(report.get(2).get(0)).isEqualTo("5");
        assertThat(report.get(2).get(2)).contains("不在您的辖区内");
        assertThat(report.get(3).get(2)).contains("无法识别的类别：留守妇女");
        assertThat(report.get(4).get(0)).isEqualTo("7");
        assertThat(report.get(4).get(2)).contains("已登记");

        FileSession.Answer second = head.upload("/ledgers", "/ledgers/import", "台账.xlsx", file);

        assertThat(second.text()).contains("共 6 行：导入 0 行，未导入 6 行。");
        assertThat(registered(child)).hasSize(1);
        assertThat(registered(elder)).hasSize(1);
    }

    @Test
    void anExportMasksNumbersListsTheLedgerColumnsAndIsLogged() throws IOException {
        Person child = Person.child();
        FileSession head = new FileSession(port, HEAD);
        head.upload("/ledgers", "/ledgers/import", "台账.xlsx", ledger(List.of(child.row(RENZHUANG, "留守儿童", ""))));
        assertThat(registered(child)).hasSize(1);
        int logged = exportLog.findByActorOrderByOccurredAtDesc(HEAD).size();

        FileSession.Answer download = head.postForm("/ledgers", "/ledgers/export", exportForm("LEFT_BEHIND_CHILDREN"));

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType())
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(download.disposition()).contains("attachment");
        List<List<String>> rows = read(download);
        assertThat(rows.get(0))
                .containsExactly(
                        "序号", "姓名", "性别", "出生日期", "年龄", "身份证号", "乡镇（街道）", "村（社区）", "父亲情况", "母亲情况", "监护人", "与监护人关系",
                        "监护人电话", "委托照护人", "照护人电话", "纳入日期", "退出日期", "来源");
        List<String> row = rows.stream()
                .filter(r -> r.size() > 1 && r.get(1).equals(child.name))
                .findFirst()
                .orElseThrow();
        assertThat(row.get(2)).isEqualTo("男");
        assertThat(row.get(5))
                .isEqualTo(new ResidentIdNumber(child.id).masked())
                .doesNotContain(child.id.substring(6, 14));
        assertThat(row.get(6)).isEqualTo("堌阳镇");
        assertThat(row.get(7)).isEqualTo("任庄村");
        assertThat(row.get(10)).isEqualTo("聂大山");
        assertThat(row.get(12))
                .isEqualTo(new PhoneNumber(Person.GUARDIAN_PHONE).masked())
                .isNotEqualTo(Person.GUARDIAN_PHONE);
        assertThat(row.get(15)).isEqualTo("2023-09-01");
        assertThat(row.get(17)).isEqualTo("认定");
        assertThat(rows.stream().flatMap(List::stream)).doesNotContain(child.id, Person.GUARDIAN_PHONE);

        List<LedgerExportEntry> log = exportLog.findByActorOrderByOccurredAtDesc(HEAD);
        assertThat(log).hasSize(logged + 1);
        LedgerExportEntry entry = log.get(0);
        assertThat(entry.getRowCount()).isEqualTo(rows.size() - 1);
        assertThat(entry.getFilter())
                .contains("region=" + RENZHUANG)
                .contains("from=" + TestData.today().minusYears(1));
        assertThat(entry.isFullNumbers()).isFalse();
        assertThat(entry.getReason()).isNull();
    }

    @Test
    void fullNumbersNeedAReasonWhichIsLogged() throws IOException {
        Person child = Person.child();
        FileSession head = new FileSession(port, HEAD);
        head.upload("/ledgers", "/ledgers/import", "台账.xlsx", ledger(List.of(child.row(RENZHUANG, "留守儿童", ""))));
        Map<String, String> full = new java.util.HashMap<>(exportForm("LEFT_BEHIND_CHILDREN"));
        full.put("fullNumbers", "true");
        int logged = exportLog.findByActorOrderByOccurredAtDesc(HEAD).size();

        FileSession.Answer refused = head.postForm("/ledgers", "/ledgers/export", full);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.contentType()).startsWith("text/html");
        assertThat(refused.text()).contains("导出完整号码须填写理由。");
        assertThat(exportLog.findByActorOrderByOccurredAtDesc(HEAD)).hasSize(logged);

        full.put("reason", "民政局年度核查需完整身份证号");
        List<List<String>> rows = read(head.postForm("/ledgers", "/ledgers/export", full));
        assertThat(rows.stream().filter(r -> r.size() > 5 && r.get(1).equals(child.name)))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.get(5)).isEqualTo(child.id);
                    assertThat(r.get(12)).isEqualTo(Person.GUARDIAN_PHONE);
                });
        LedgerExportEntry entry =
                exportLog.findByActorOrderByOccurredAtDesc(HEAD).get(0);
        assertThat(entry.isFullNumbers()).isTrue();
        assertThat(entry.getReason()).isEqualTo("民政局年度核查需完整身份证号");
    }

    @Test
    void theFlagLedgerNeverNamesTheReporter() throws IOException {
        FileSession county = new FileSession(port, "county-sup");
        Map<String, String> form = new java.util.HashMap<>(exportForm("FLAGS"));
        form.put("region", "");
        form.put("to", TestData.today().plusDays(1).toString());

        List<List<String>> rows = read(county.postForm("/ledgers", "/ledgers/export", form));

        assertThat(rows.get(0)).contains("情形", "强制报告").doesNotContain("上报人");
        // the demo county's flags are raised by its village child directors
        assertThat(rows.size()).isGreaterThan(1);
        assertThat(rows.stream().flatMap(List::stream))
                .noneMatch(cell -> cell.contains("director-") || cell.contains("主任"));
    }

    @Test
    void workersAndVillageDirectorsMayNotExport() {
        for (String user : List.of("station-guyang", "director-renzhuang")) {
            FileSession session = new FileSession(port, user);
            assertThat(session.get("/ledgers").status()).isEqualTo(403);
            assertThat(session.get("/").text()).doesNotContain("href=\"/ledgers\"");
        }
        assertThat(new FileSession(port, HEAD).get("/").text()).contains("href=\"/ledgers\"");
    }

    // --- helpers

    private List<Client> registered(Person p) {
        return clients.findPossibleDuplicates(p.name, p.born, RENZHUANG).stream()
                .filter(c -> p.id.equals(c.getIdNumber()))
                .toList();
    }

    private static Map<String, String> exportForm(String kind) {
        return Map.of(
                "kind",
                kind,
                "region",
                RENZHUANG,
                "from",
                TestData.today().minusYears(1).toString(),
                "to",
                TestData.today().toString());
    }

    private static String reportAction(String page) {
        Matcher m = Pattern.compile("action=\"(/ledgers/import/[0-9a-f-]{36}/report)\"")
                .matcher(page);
        assertThat(m.find()).as("report form on the page").isTrue();
        return m.group(1);
    }

    /** Every row of the first sheet as cell texts (dates as yyyy-MM-dd). */
    static List<List<String>> read(FileSession.Answer answer) throws IOException {
        assertThat(answer.status()).isEqualTo(200);
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook =
                        new ReadableWorkbook(new ByteArrayInputStream(answer.body()), new ReadingOptions(true, false));
                Stream<Row> stream = workbook.getFirstSheet().openStream()) {
            stream.forEach(row -> {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(row.getOptionalCell(i).map(LedgersIT::text).orElse(""));
                }
                rows.add(cells);
            });
        }
        return rows;
    }

    private static String text(Cell cell) {
        if (cell.getDataFormatString() != null && cell.getDataFormatString().contains("yy")) {
            return cell.asDate().toLocalDate().toString();
        }
        return cell.getText();
    }

    /** A ledger file as a county would upload it (the template's headers, Chinese). */
    static byte[] ledger(List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Someone to import, with a unique name and a valid ID number. */
    record Person(String name, String id, LocalDate born) {

        static final String GUARDIAN_PHONE = "13812345678";

        static Person child() {
            LocalDate born = TestData.today().minusYears(9).minusDays(40);
            return new Person(TestData.uniqueName(), TestData.idNumber(born, Sex.MALE), born);
        }

        static Person elder() {
            LocalDate born = TestData.today().minusYears(82).minusDays(40);
            return new Person(TestData.uniqueName(), TestData.idNumber(born, Sex.FEMALE), born);
        }

        /** The row in the order of {@link ImportColumn}. */
        List<String> row(String village, String category, String subType) {
            return Arrays.asList(
                    name,
                    "",
                    born.toString(),
                    id,
                    village,
                    category,
                    subType,
                    "2023-09-01",
                    "聂大山",
                    "祖父",
                    GUARDIAN_PHONE,
                    "");
        }
    }
}
