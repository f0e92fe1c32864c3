package fr.guichet.shared;

import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * {@link CleanText#text} at the one place every request's text passes: form fields, request
 * parameters and path variables as they bind (the conversion service, which sees a field's
 * {@link Verbatim}), and the API's JSON bodies as they are read. Only what comes in over HTTP:
 * events read back from the publication registry are left as they were written.
 */
@Configuration(proxyBeanMethods = false)
class CleanTextBinding implements WebMvcConfigurer {

    private final JsonMapper json;

    CleanTextBinding(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(new Binding());
    }

    /**
     * Takes the place of Boot's JSON converter (application configurers come after Boot's): the same
     * mapper settings at the same rank among the converters, so only the reading of strings changes.
     */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.withJsonConverter(new JacksonJsonHttpMessageConverter(json.rebuild()
                .addModule(new SimpleModule("clean-text").addDeserializer(String.class, new Reading()))
                .build()));
    }

    private static final class Binding implements ConditionalGenericConverter {

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(String.class, String.class));
        }

        @Override
        public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
            return !targetType.hasAnnotation(Verbatim.class);
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            return CleanText.text((String) source);
        }
    }

    private static final class Reading extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            return CleanText.text(super.deserialize(parser, context));
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            return property != null && property.getAnnotation(Verbatim.class) != null
                    ? StringDeserializer.instance
                    : this;
        }
    }
}
