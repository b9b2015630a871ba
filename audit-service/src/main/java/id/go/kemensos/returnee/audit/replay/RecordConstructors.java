package id.go.kemensos.returnee.audit.replay;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.module.SimpleModule;

/**
 * Builds record payloads through a handle to the canonical constructor that takes the argument array as it is. Jackson
 * 3.1 calls {@code invokeWithArguments} for every record it builds, which spreads the arguments anew each time: in the
 * replay's fold that was 9% of the time with a warm JVM and 13% in a fresh one, with garbage on every call. Everything
 * else (which properties, their deserializers, missing or null values, errors) stays Jackson's.
 */
final class RecordConstructors extends SimpleModule {

    RecordConstructors() {
        super("replay-record-constructors");
    }

    @Override
    public void setupModule(JacksonModule.SetupContext context) {
        super.setupModule(context);
        context.addValueInstantiators(new ValueInstantiators() {
            @Override
            public ValueInstantiator findValueInstantiator(
                    DeserializationConfig config, BeanDescription.Supplier bean) {
                return null;
            }

            @Override
            public ValueInstantiator modifyValueInstantiator(
                    DeserializationConfig config, BeanDescription.Supplier bean, ValueInstantiator found) {
                if (found.getClass() == StdValueInstantiator.class
                        && bean.getBeanClass().isRecord()
                        && found.getWithArgsCreator() instanceof AnnotatedConstructor creator
                        && creator.getAnnotated().trySetAccessible()) {
                    return new Spread((StdValueInstantiator) found, creator.getAnnotated());
                }
                return found; // Jackson's own way
            }
        });
    }

    /** Jackson's instantiator for one record type, but for the call of its constructor with the arguments. */
    static final class Spread extends StdValueInstantiator {

        private final transient MethodHandle constructor;

        Spread(StdValueInstantiator found, Constructor<?> canonical) {
            super(found);
            try {
                this.constructor = MethodHandles.lookup()
                        .unreflectConstructor(canonical)
                        .asSpreader(Object[].class, canonical.getParameterCount())
                        .asType(MethodType.methodType(Object.class, Object[].class));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(canonical + " was made accessible and is not", e);
            }
        }

        @Override
        public Object createFromObjectWith(DeserializationContext context, Object[] arguments) {
            try {
                return (Object) constructor.invokeExact(arguments);
            } catch (Error e) {
                throw e;
            } catch (Throwable e) {
                return context.handleInstantiationProblem(_valueClass, arguments, rewrapCtorProblem(context, e));
            }
        }
    }
}
