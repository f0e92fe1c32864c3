package fr.guichet.shared;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;
import org.springframework.stereotype.Component;

/** The OpenAPI document says of every {@link TypedId} what {@link TypedIdJson} writes: an int64. */
@Component
class TypedIdSchemas implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        var javaType = Json.mapper().constructType(type.getType());
        if (javaType != null && TypedId.class.isAssignableFrom(javaType.getRawClass())) {
            return new IntegerSchema().format("int64");
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }
}
