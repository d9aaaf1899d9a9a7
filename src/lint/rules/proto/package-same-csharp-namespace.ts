import { packageSameOption } from "../../helpers/proto-package-option.js";

export default packageSameOption({ id: "PACKAGE_SAME_CSHARP_NAMESPACE", option: "csharp_namespace", number: 37 });
