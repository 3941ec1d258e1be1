package jp.madoguchi.reception.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.platform.ProblemException;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refusal on a reception page (unknown queue or reception, a transition that makes no
 * sense) shows the error page of its status, not a 500: the API controllers answer
 * problem details instead.
 */
@ControllerAdvice(
		assignableTypes = { ReceptionPageController.class, QueueAdminPageController.class, DisplayController.class })
class PageProblems {

	@ExceptionHandler(ProblemException.class)
	void problem(ProblemException refused, HttpServletResponse response) throws IOException {
		response.sendError(refused.status().value(), refused.getLocalizedMessage());
	}

}
