package jp.madoguchi.guidance.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;

import jp.madoguchi.guidance.Guide;
import jp.madoguchi.guidance.ProcedureGuide;
import jp.madoguchi.guidance.ResidentTexts;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

/**
 * The guide engine as a bean, in both roles. With a database (counter) it runs the stored
 * master, recompiled whenever its revision moves, also when another instance changed it.
 * Without one (public role) it runs the bundle at {@code madoguchi.guidance.bundle} (a
 * {@code file:} or {@code classpath:} location; by default the bundle shipped with the
 * application, the seed master).
 */
@Service
@ServedBy({ Role.COUNTER, Role.PUBLIC })
public class ProcedureGuideService implements ProcedureGuide {

	private final ObjectProvider<RuleCatalogue> catalogue;

	private final JsonMapper json;

	private final Clock clock;

	private final Resource bundleLocation;

	private volatile @Nullable Loaded loaded;

	ProcedureGuideService(ObjectProvider<RuleCatalogue> catalogue, JsonMapper json, Clock clock,
			@Value("${madoguchi.guidance.bundle:classpath:guidance/default-bundle.json}") Resource bundleLocation) {
		this.catalogue = catalogue;
		this.json = json;
		this.clock = clock;
		this.bundleLocation = bundleLocation;
	}

	@Override
	public Guide evaluate(NotificationContent notification) {
		LocalDate on = (notification.referenceDate() != null) ? notification.referenceDate() : LocalDate.now(clock);
		return GuideEngine.evaluate(current().book(), notification, on);
	}

	@Override
	public Guide evaluate(NotificationContent notification, String language) {
		LocalDate on = (notification.referenceDate() != null) ? notification.referenceDate() : LocalDate.now(clock);
		return GuideEngine.evaluate(current().book(), notification, on, ResidentTexts.language(language));
	}

	/** The rule set in use, as the versioned bundle the public role loads. */
	public RuleBundle bundle() {
		return current().bundle();
	}

	private Loaded current() {
		RuleCatalogue stored = catalogue.getIfAvailable();
		Loaded known = loaded;
		if (stored == null) {
			if (known == null) {
				known = new Loaded(-1, readBundle());
				loaded = known;
			}
			return known;
		}
		long revision = stored.revision();
		if (known == null || known.revision() != revision) {
			known = new Loaded(revision, RuleBundle.of(revision, clock.instant(), stored.procedures(), stored.rules()));
			loaded = known;
		}
		return known;
	}

	private RuleBundle readBundle() {
		try (InputStream in = bundleLocation.getInputStream()) {
			RuleBundle bundle = json.readValue(in, RuleBundle.class);
			if (bundle.format() > RuleBundle.FORMAT) {
				throw new IllegalStateException("The rule bundle " + bundleLocation + " has format " + bundle.format()
						+ "; this version reads format " + RuleBundle.FORMAT + " and older");
			}
			return bundle;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the rule bundle " + bundleLocation, ex);
		}
	}

	private record Loaded(long revision, RuleBundle bundle, RuleBook book) {

		Loaded(long revision, RuleBundle bundle) {
			this(revision, bundle, bundle.toRuleBook());
		}

	}

}
