package org.casework.web.print;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Turns a print view into a PDF: the page is rendered by its own Thymeleaf view (same template,
 * same model, so the PDF says exactly what the print view says), made well-formed with jsoup,
 * given the PDF stylesheet (print.css's rules in the CSS 2.1 the renderer reads) instead of the screen's, and laid out by openhtmltopdf with Noto Sans
 * SC from the jar. The renderer fetches nothing: no URL, file or network resource is allowed.
 */
@Component
public class PdfPrinter {

    static final String FONT_FAMILY = "Noto Sans SC";
    private static final String FONT_DIR = "fonts/ttf/NotoSansSC/";

    private final ViewResolver views;
    private final String css;

    public PdfPrinter(@Qualifier("thymeleafViewResolver") ViewResolver thymeleafViewResolver) {
        this.views = thymeleafViewResolver;
        this.css = text("pdf/print-pdf.css");
    }

    static {
        // openhtmltopdf logs every render at INFO through java.util.logging; keep failures only, so
        // nothing of a page's content can reach the logs
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.SEVERE));
    }

    /** The named print view with the given model, as a PDF. */
    public byte[] print(
            String viewName,
            Map<String, Object> model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        return pdf(html(viewName, model, locale, request, response));
    }

    private String html(
            String viewName,
            Map<String, Object> model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            View view = views.resolveViewName(viewName, locale);
            if (view == null) {
                throw new IllegalStateException("no view " + viewName);
            }
            CapturedPage page = new CapturedPage(response);
            view.render(model, request, page);
            return page.html();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the print view " + viewName + " did not render", e);
        }
    }

    byte[] pdf(String html) {
        Document page = Jsoup.parse(html);
        // what only a screen needs: the screen styles, scripts, the hint to use the browser's print
        page.select("link, script, .print-hint, nav, form, button").remove();
        page.head().appendElement("style").appendChild(new DataNode(css));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder pdf = new PdfRendererBuilder()
                    .useFastMode()
                    .withW3cDocument(new W3CDom().fromJsoup(page), null)
                    .useExternalResourceAccessControl(
                            (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                    .useExternalResourceAccessControl(
                            (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                    .useFont(() -> font("NotoSansSC-Regular.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true)
                    .useFont(() -> font("NotoSansSC-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true)
                    .withProducer("Casework")
                    .toStream(out);
            pdf.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String file) {
        try {
            return new ClassPathResource(FONT_DIR + file).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("font " + file + " is missing from the classpath", e);
        }
    }

    private static String text(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
