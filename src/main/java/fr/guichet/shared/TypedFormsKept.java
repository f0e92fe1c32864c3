package fr.guichet.shared;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.ModelAttributeMethodProcessor;
import org.springframework.web.method.annotation.ModelFactory;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * A form that is a record, posted with a value that does not convert (a civility "%00MADAME", a number
 * "1,5"), must come back as typed with its message. Spring builds the record with that field left
 * empty, but the binding result it had opened before holds no record, and the model gets that
 * nothing under the form's name: the page's {@code *{field}} failed with a 500. This puts the built
 * record back in the model next to its errors, for every form at once.
 */
@Configuration(proxyBeanMethods = false)
class TypedFormsKept implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
            adapter.setArgumentResolvers(adapter.getArgumentResolvers().stream()
                    .map(resolver ->
                            resolver instanceof ModelAttributeMethodProcessor forms ? new Kept(forms) : resolver)
                    .toList());
        }
        return bean;
    }

    private record Kept(ModelAttributeMethodProcessor forms) implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return forms.supportsParameter(parameter);
        }

        @Override
        public @Nullable Object resolveArgument(
                MethodParameter parameter,
                @Nullable ModelAndViewContainer container,
                NativeWebRequest request,
                @Nullable WebDataBinderFactory binders)
                throws Exception {
            var form = forms.resolveArgument(parameter, container, request, binders);
            if (container != null && form != null && !(form instanceof Optional<?>)) {
                var name = ModelFactory.getNameForParameter(parameter);
                var model = container.getModel();
                var errors = model.get(BindingResult.MODEL_KEY_PREFIX + name);
                if (model.get(name) == null && errors != null) {
                    // the model drops a binding result whose target is not the value put; the errors'
                    // argument then reads it as the last attribute: both back, in that order
                    model.put(name, form);
                    model.remove(BindingResult.MODEL_KEY_PREFIX + name);
                    model.put(BindingResult.MODEL_KEY_PREFIX + name, errors);
                }
            }
            return form;
        }
    }
}
