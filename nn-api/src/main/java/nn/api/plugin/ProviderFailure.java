package nn.api.plugin;

import nn.api.registry.Origin;

/**
 * Turns an exception thrown by a provider's own code (shape rule, factory, forward or
 * backward) into one line naming the operation, its class and the jar it came from, so a
 * faulty plugin is identified without a stack trace.
 */
public final class ProviderFailure {
    private ProviderFailure() {
    }

    public static String describe(String op, Class<?> implementation, String activity, Throwable e) {
        return "'" + op + "' (" + implementation.getName() + " from " + Origin.of(implementation) + ") failed "
                + activity + ": " + Plugins.oneLine(e);
    }

    public static PluginException wrap(String op, Class<?> implementation, String activity, RuntimeException e) {
        PluginException wrapped = new PluginException(describe(op, implementation, activity, e));
        wrapped.initCause(e);
        return wrapped;
    }
}
