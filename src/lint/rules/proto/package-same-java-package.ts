import { packageSameOption } from "../../helpers/proto-package-option.js";

export default packageSameOption({ id: "PACKAGE_SAME_JAVA_PACKAGE", option: "java_package", number: 1 });
