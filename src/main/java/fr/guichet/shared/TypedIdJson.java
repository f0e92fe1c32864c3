package fr.guichet.shared;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.Deserializers;
import tools.jackson.databind.deser.KeyDeserializers;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleSerializers;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Every {@link TypedId} is its number in JSON, as a value and as a map key: a client reads
 * {@code "id": 4}, never {@code "id": {"value": 4}}. Any record implementing {@link TypedId} with a
 * {@code (long)} constructor is covered without registering it. Reading also accepts the object form
 * that events stored before this module still hold in the publication registry.
 */
@Component
class TypedIdJson extends JacksonModule {

    @Override
    public String getModuleName() {
        return "guichet-typed-ids";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        var writers = new SimpleSerializers();
        writers.addSerializer(TypedId.class, new Writer());
        context.addSerializers(writers);
        var keyWriters = new SimpleSerializers();
        keyWriters.addSerializer(TypedId.class, new KeyWriter());
        context.addKeySerializers(keyWriters);
        context.addDeserializers(new Readers());
        context.addKeyDeserializers(new KeyReaders());
    }

    private static boolean isTypedId(JavaType type) {
        return TypedId.class.isAssignableFrom(type.getRawClass()) && !type.isAbstract();
    }

    private static Constructor<?> fromNumber(Class<?> type) {
        try {
            var constructor = type.getDeclaredConstructor(long.class);
            // a typed id may be package-private in its module: the JSON is still its number
            constructor.trySetAccessible();
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " is a TypedId without a (long) constructor", e);
        }
    }

    private static Object create(Constructor<?> constructor, long value) {
        try {
            return constructor.newInstance(value);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Writer extends StdSerializer<TypedId> {

        Writer() {
            super(TypedId.class);
        }

        @Override
        public void serialize(TypedId id, JsonGenerator json, SerializationContext context) {
            json.writeNumber(id.value());
        }
    }

    private static final class KeyWriter extends StdSerializer<TypedId> {

        KeyWriter() {
            super(TypedId.class);
        }

        @Override
        public void serialize(TypedId id, JsonGenerator json, SerializationContext context) {
            json.writeName(Long.toString(id.value()));
        }
    }

    private static final class Readers extends Deserializers.Base {

        @Override
        public ValueDeserializer<?> findBeanDeserializer(
                JavaType type, DeserializationConfig config, BeanDescription.Supplier description) {
            return isTypedId(type) ? new Reader(type.getRawClass()) : null;
        }

        @Override
        public boolean hasDeserializerFor(DeserializationConfig config, Class<?> type) {
            return TypedId.class.isAssignableFrom(type);
        }
    }

    private static final class Reader extends StdScalarDeserializer<Object> {

        private final Constructor<?> constructor;

        Reader(Class<?> type) {
            super(type);
            this.constructor = fromNumber(type);
        }

        @Override
        public Object deserialize(JsonParser json, DeserializationContext context) {
            if (json.currentToken() == JsonToken.START_OBJECT) {
                return create(constructor, valueField(json, context));
            }
            return create(constructor, _parseLongPrimitive(json, context));
        }

        private long valueField(JsonParser json, DeserializationContext context) {
            Long value = null;
            for (var name = json.nextName(); name != null; name = json.nextName()) {
                json.nextToken();
                if (name.equals("value")) {
                    value = _parseLongPrimitive(json, context);
                } else {
                    json.skipChildren();
                }
            }
            if (value == null) {
                return (Long) context.handleUnexpectedToken(handledType(), json);
            }
            return value;
        }
    }

    private static final class KeyReaders implements KeyDeserializers {

        @Override
        public KeyDeserializer findKeyDeserializer(
                JavaType type, DeserializationConfig config, BeanDescription.Supplier description) {
            if (!isTypedId(type)) {
                return null;
            }
            var constructor = fromNumber(type.getRawClass());
            return new KeyDeserializer() {
                @Override
                public Object deserializeKey(String key, DeserializationContext context) {
                    try {
                        return create(constructor, Long.parseLong(key));
                    } catch (NumberFormatException e) {
                        return context.handleWeirdKey(constructor.getDeclaringClass(), key, "not a number");
                    }
                }
            };
        }
    }
}
