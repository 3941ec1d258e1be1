package jp.madoguchi.platform.web;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Test-only pages: every component fragment on one page (with and without form errors),
 * and the last-resort error view, which Spring Boot's error controller rarely reaches.
 */
@Controller
class TestViewsController {

	@GetMapping("/test/components")
	String components(@RequestParam(defaultValue = "false") boolean errors, Model model) {
		DemoForm form = new DemoForm();
		form.setLoginName("tanaka taro");
		form.setPassword("secret-password-1");
		form.setGroup("counter");
		form.setPermissions(new LinkedHashSet<>(List.of("RECEPTION", "PRINT")));
		BindingResult result = new BeanPropertyBindingResult(form, "demoForm");
		if (errors) {
			result.reject("demo.global", "同じ職員が既に登録されています");
			result.rejectValue("loginName", "demo.pattern", "ログイン名は半角英数字で入力してください");
			result.rejectValue("permissions", "demo.empty", "権限を1つ以上選んでください");
		}
		Map<String, String> groups = new LinkedHashMap<>();
		groups.put("counter", "窓口");
		groups.put("admin", "管理者");
		Map<String, String> permissions = new LinkedHashMap<>();
		permissions.put("RECEPTION", "受付");
		permissions.put("PRINT", "印刷");
		permissions.put("AUDIT_VIEW", "監査ログの閲覧");
		model.addAttribute("demoForm", form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "demoForm", result);
		model.addAttribute("groupOptions", groups);
		model.addAttribute("permissionOptions", permissions);
		model.addAttribute("permissionHints", Map.of("AUDIT_VIEW", "操作履歴を検索できます"));
		return "test/components";
	}

	@GetMapping("/test/error-view")
	String errorView(Model model) {
		model.addAttribute("status", 999);
		model.addAttribute("timestamp", java.time.OffsetDateTime.now(java.time.ZoneId.of("Asia/Tokyo")).withNano(0));
		model.addAttribute("path", "/somewhere");
		return "error";
	}

	/** A form backing bean as the accounts screens will have them. */
	static class DemoForm {

		private String loginName = "";

		private String password = "";

		private String group = "";

		private Set<String> permissions = new LinkedHashSet<>();

		private boolean locked;

		public String getLoginName() {
			return loginName;
		}

		public void setLoginName(String loginName) {
			this.loginName = loginName;
		}

		public String getPassword() {
			return password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public String getGroup() {
			return group;
		}

		public void setGroup(String group) {
			this.group = group;
		}

		public Set<String> getPermissions() {
			return permissions;
		}

		public void setPermissions(Set<String> permissions) {
			this.permissions = permissions;
		}

		public boolean isLocked() {
			return locked;
		}

		public void setLocked(boolean locked) {
			this.locked = locked;
		}

	}

}
