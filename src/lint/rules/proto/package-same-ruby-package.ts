import { packageSameOption } from "../../helpers/proto-package-option.js";

export default packageSameOption({ id: "PACKAGE_SAME_RUBY_PACKAGE", option: "ruby_package", number: 45 });
