package org.casework.web.http;

import java.util.List;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Wires the HTTP edge: the size limit in front of every filter, the /error page and Tomcat's valve. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BodyLimits.class)
class HttpEdgeConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(BodyLimits limits, ErrorProblems problems) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(limits, problems));
        // before Spring Security (-100): anonymous callers are limited too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Replaces Boot's BasicErrorController (which backs off when another ErrorController exists). */
    @Bean
    ProblemErrorController problemErrorController(
            ErrorAttributes attributes,
            WebProperties web,
            ObjectProvider<ErrorViewResolver> resolvers,
            ErrorProblems problems) {
        return new ProblemErrorController(
                attributes, web.getError(), resolvers.orderedStream().toList(), problems);
    }

    /**
     * Puts the problem-writing valve where Tomcat's error report valve was (Boot adds one without
     * report or server details; the host would add its default otherwise).
     */
    @Bean
    ValveCustomizer problemErrorReportValve(ErrorProblems problems) {
        return new ValveCustomizer(problems);
    }

    /** Runs after Boot's own Tomcat customizer, whose valve it replaces. */
    static final class ValveCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final ErrorProblems problems;

        ValveCustomizer(ErrorProblems problems) {
            this.problems = problems;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : List.of(host.getPipeline().getValves())) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    // the host adds its default valve at start unless one of this class is present
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemErrorReportValve(problems));
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
