import { packageSameOption } from "../../helpers/proto-package-option.js";

export default packageSameOption({ id: "PACKAGE_SAME_PHP_NAMESPACE", option: "php_namespace", number: 41 });
