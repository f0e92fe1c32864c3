package fr.guichet.shared;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** French by default; English on request, remembered in a cookie. */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("GUICHET_LANG");
        resolver.setDefaultLocaleFunction(request -> {
            var accepted = request.getHeader("Accept-Language");
            if (accepted == null || accepted.isBlank()) {
                return Locale.FRENCH;
            }
            try {
                var match = Locale.lookup(Locale.LanguageRange.parse(accepted), SUPPORTED);
                return match != null ? match : Locale.FRENCH;
            } catch (IllegalArgumentException malformed) {
                return Locale.FRENCH;
            }
        });
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setCookieHttpOnly(true);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String value) {
                // a language we have no texts for falls back to the default instead of being remembered
                return SUPPORTED.stream()
                        .filter(l -> l.getLanguage().equals(value))
                        .findFirst()
                        .orElse(null);
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
