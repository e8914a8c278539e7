package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.casework.it.fixtures.DemoUsers.HEAD_GUYANG;
import static org.casework.it.fixtures.DemoUsers.STATION_GUYANG;
import static org.casework.it.fixtures.DemoUsers.STATION_NANZHANG;

import java.io.IOException;
import java.text.Normalizer;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casework.it.fixtures.Cases;
import org.casework.it.fixtures.ClientBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The print views (一人一档) as PDF over real HTTP with a session: the file is a PDF download named
 * without personal data, its Chinese text (headings, the client's name) can be extracted, it is
 * refused outside the viewer's township like the print view, and every copy is in the audit trail.
 */
class PrintPdfIT extends ApiTest {

    @LocalServerPort
    int port;

    private final ClientBuilder child = aLeftBehindChild().named("王小山");
    private UUID clientId;
    private String caseId;
    private String caseNumber;

    @BeforeAll
    void aChildWithACase() {
        clientId = registry.registerId(STATION_GUYANG, child);
        JsonNode caseFile = new Cases(api).open(STATION_GUYANG, clientId);
        caseId = Cases.id(caseFile);
        caseNumber = caseFile.get("caseNumber").asString();
    }

    @Test
    void theCaseFileDownloadsAsAPdfWithItsChineseText() throws IOException {
        WebSession.Download pdf = session(HEAD_GUYANG).download("/cases/" + caseId + "/print.pdf");

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        assertThat(pdf.header("Content-Disposition"))
                .startsWith("attachment")
                .contains("case-file-" + caseNumber + ".pdf")
                .doesNotContain("王小山");
        assertThat(pdf.header("Cache-Control")).contains("no-store");
        String text = text(pdf.body());
        assertThat(text).contains("个案档案", caseNumber, "王小山", "接案", "服务计划及审批", "结案与回访");
        // the same page as the print view, without the screen's hint to use the browser's print
        assertThat(text).doesNotContain("打印预览");
    }

    @Test
    void theClientRecordDownloadsAsAPdfWithItsChineseText() throws IOException {
        WebSession.Download pdf = session(STATION_GUYANG).download("/clients/" + clientId + "/print.pdf");

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        assertThat(pdf.header("Content-Disposition"))
                .startsWith("attachment")
                .contains("client-record-" + clientId + ".pdf")
                .doesNotContain("王小山");
        String text = text(pdf.body());
        assertThat(text).contains("一人一档", "王小山", "登记信息", "留守儿童", "任庄村");
        // numbers stay masked on paper
        assertThat(text).doesNotContain(child.idNumber());
    }

    @Test
    void theFontIsEmbeddedSoChineseRendersAnywhere() throws IOException {
        byte[] body =
                session(HEAD_GUYANG).download("/cases/" + caseId + "/print.pdf").body();
        try (PDDocument doc = Loader.loadPDF(body)) {
            assertThat(doc.getNumberOfPages()).isPositive();
            PDFont font = null;
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                font = doc.getPage(0).getResources().getFont(name);
            }
            assertThat(font).isNotNull();
            assertThat(font.getName()).contains("NotoSansSC");
            assertThat(font.isEmbedded()).isTrue();
        }
    }

    @Test
    void anotherTownshipGetsNoPdf() {
        WebSession nanzhang = session(STATION_NANZHANG);
        assertThat(nanzhang.download("/cases/" + caseId + "/print.pdf").status())
                .isIn(403, 404);
        assertThat(nanzhang.download("/clients/" + clientId + "/print.pdf").status())
                .isIn(403, 404);
        // and its refusal leaves no copy in the audit trail
        assertThat(session(HEAD_GUYANG)
                        .get("/audit/changes?user=" + STATION_NANZHANG)
                        .body())
                .doesNotContain("PDF_DOWNLOADED");
    }

    @Test
    void everyCopyIsInTheAuditTrail() {
        WebSession head = session(HEAD_GUYANG);
        assertThat(head.download("/cases/" + caseId + "/print.pdf").status()).isEqualTo(200);
        WebSession.Page changes = head.get("/audit/changes?client=" + caseId + "&user=" + HEAD_GUYANG);
        assertThat(changes.body()).contains("PDF_DOWNLOADED");
        // the log and the URL name the record by id, never the person
        assertThat(changes.body()).doesNotContain("王小山");
    }

    @Test
    void theCaseAndClientPagesLinkToThePdf() {
        WebSession worker = session(STATION_GUYANG);
        assertThat(worker.get("/cases/" + caseId).body()).contains("/cases/" + caseId + "/print.pdf", "下载 PDF");
        assertThat(worker.get("/clients/" + clientId).body()).contains("/clients/" + clientId + "/print.pdf");
    }

    /**
     * The text as a reader copying it out of the PDF gets it. NFKC folds compatibility code points:
     * a CJK font can map one glyph to both an ideograph and its Kangxi radical (人 and ⼈), and the
     * extraction may then give the radical (with PDFBox 3.0.8 and Noto Sans SC it gave none).
     */
    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFKC);
        }
    }

    private WebSession session(String username) {
        WebSession session = new WebSession(port, Api.someAddress());
        WebSession.Page login = session.login(username, Api.PASSWORD);
        assertThat(login.location()).as("login of %s", username).doesNotContain("error");
        return session;
    }
}
