package org.casework.web.support;

import lombok.RequiredArgsConstructor;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the page header interceptor for pages, not for the API or static files. */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor
class WebMvcConfiguration implements WebMvcConfigurer {

    private final PageChromeInterceptor pageChrome;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(pageChrome)
                .excludePathPatterns("/api/**", "/webjars/**", "/css/**", "/js/**", "/actuator/**", "/m", "/m/**");
    }
}
