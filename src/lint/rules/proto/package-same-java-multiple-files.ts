import { packageSameOption } from "../../helpers/proto-package-option.js";

export default packageSameOption({ id: "PACKAGE_SAME_JAVA_MULTIPLE_FILES", option: "java_multiple_files", number: 10 });
