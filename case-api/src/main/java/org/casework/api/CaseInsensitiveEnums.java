package org.casework.api;

import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Enum values in query parameters and paths are read whatever their case ({@code view=queue} as
 * well as {@code view=QUEUE}): the OpenAPI summaries and people write them either way, and a 400 for
 * the case of a letter helps nobody. An unknown value is still refused.
 */
@Configuration(proxyBeanMethods = false)
public class CaseInsensitiveEnums implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new StringToEnum());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class StringToEnum implements ConverterFactory<String, Enum> {

        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
            return source -> {
                String value = source.strip();
                if (value.isEmpty()) {
                    return null;
                }
                try {
                    return (T) Enum.valueOf(targetType, value);
                } catch (IllegalArgumentException notExact) {
                    return (T) Enum.valueOf(
                            targetType, value.toUpperCase(Locale.ROOT).replace('-', '_'));
                }
            };
        }
    }
}
