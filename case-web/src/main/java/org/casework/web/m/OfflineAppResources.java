package org.casework.web.m;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The service worker script is revalidated on every load so that a new version of the app reaches
 * the phones at their next online start (the browser caps this at 24 h anyway). Its default scope,
 * the folder it is served from, is exactly /m/.
 */
@Configuration(proxyBeanMethods = false)
class OfflineAppResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // a pattern, not the plain path: the resource is looked up by the part the pattern matched
        registry.addResourceHandler("/m/sw*.js")
                .addResourceLocations("classpath:/static/m/")
                .setCacheControl(CacheControl.noCache());
    }
}
