import { packageSameOption } from "../../helpers/proto-package-option.js";

export default packageSameOption({ id: "PACKAGE_SAME_GO_PACKAGE", option: "go_package", number: 11 });
