package jp.madoguchi.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import jp.madoguchi.platform.TrainingMode;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page what {@code layout.html} needs beyond the page's own model.
 */
@ControllerAdvice
@ServedBy({ Role.COUNTER, Role.PUBLIC })
class LayoutModelAdvice {

	static final String CURRENT_PATH = "currentPath";

	static final String TRAINING = "training";

	private final TrainingMode training;

	LayoutModelAdvice(TrainingMode training) {
		this.training = training;
	}

	/**
	 * Training mode: the layout (and the waiting-hall display) show the 研修 banner on
	 * every page.
	 */
	@ModelAttribute(TRAINING)
	boolean training() {
		return training.enabled();
	}

	/**
	 * The path of the page within the application, for marking the current menu item and
	 * for the language switch. Null while rendering an error page: the request path is
	 * then {@code /error}, and switching language there must not repeat the failed
	 * request.
	 */
	@ModelAttribute(CURRENT_PATH)
	@Nullable String currentPath(HttpServletRequest request) {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			return null;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.isEmpty() ? "/" : path;
	}

}
