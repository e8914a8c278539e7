package org.casework.web.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * Adds what the page header needs (the user, the language links) to every rendered view. An
 * interceptor rather than a controller advice so that Boot's error pages get a header too.
 */
@Component
@RequiredArgsConstructor
public class PageChromeInterceptor implements HandlerInterceptor {

    private final CurrentUsers currentUsers;

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        if (mav == null || (mav.getViewName() != null && mav.getViewName().startsWith("redirect:"))) {
            return;
        }
        currentUsers.find(request).ifPresent(me -> mav.addObject("me", me));
        mav.addObject("langZh", languageLink(request, "zh-CN"));
        mav.addObject("langEn", languageLink(request, "en"));
    }

    /** The current page in another language; a page rendered by a POST links to its GET twin. */
    private static String languageLink(HttpServletRequest request, String lang) {
        if (request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR) {
            // the browser still shows the failed URL: a query-only link keeps the user there
            return "?lang=" + lang;
        }
        ServletUriComponentsBuilder builder = ServletUriComponentsBuilder.fromRequest(request);
        if (!"GET".equals(request.getMethod())) {
            builder.replaceQuery(null);
        }
        UriComponents uri = builder.replaceQueryParam("lang", lang).build();
        return uri.getPath() + "?" + uri.getQuery();
    }
}
