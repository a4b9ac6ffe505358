package nn.cli;

import com.google.inject.Injector;
import picocli.CommandLine;

/** Lets picocli create nn's commands through Guice, so they receive the registry by injection. */
final class GuiceFactory implements CommandLine.IFactory {
    private final Injector injector;

    GuiceFactory(Injector injector) {
        this.injector = injector;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type.getPackageName().startsWith("nn.")) return injector.getInstance(type);
        return CommandLine.defaultFactory().create(type);
    }
}
